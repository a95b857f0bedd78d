// 登录: user name and password; the server's refusal (wrong password, too many attempts, locked)
// is shown in its own Chinese words; after signing in, the remembered page or the home screen.

import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import { safeNext } from '../../app/navigation.ts';
import { SESSION_KEY, signIn } from '../../session/session.ts';
import { signInError } from './messages.ts';

interface Fields {
  username: string;
  password: string;
}

export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  const submit = async ({ username, password }: Fields) => {
    setBusy(true);
    setError(undefined);
    try {
      await signIn(username.trim(), password);
      queryClient.clear();
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      navigate(next, { replace: true });
    } catch (e) {
      setError(signInError(e instanceof ApiError ? e : new ApiError(0, undefined)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="signin-wrap">
      <Card className="signin-card">
        <Typography.Title level={3} className="signin-title" style={{ marginBottom: 4 }}>
          责任制管理系统
        </Typography.Title>
        <Typography.Text type="secondary" className="signin-sub">
          人口与计划生育工作层级动态管理责任制 · Zeren
        </Typography.Text>
        {next !== '/' && !error && (
          <Alert type="info" showIcon message="请登录后继续访问刚才的页面。" style={{ marginBottom: 16 }} />
        )}
        {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />}
        <Form<Fields> layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
          >
            <Input prefix={<UserOutlined aria-hidden="true" />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined aria-hidden="true" />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}
