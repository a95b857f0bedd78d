// 我的 API 令牌: the signed-in user's tokens for scripts — made here (the secret is shown once,
// to copy), listed with their state, and revoked.

import { Alert, Button, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { Refusal } from '../../app/Refusal.tsx';
import { proseDate } from '../../lib/format.ts';
import { useCreateToken, useMyTokens, useRevokeToken } from './api.ts';
import { showProblems } from './formErrors.ts';
import { TokenTable } from './TokenTable.tsx';

export function MyTokensTab() {
  const tokens = useMyTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [form] = Form.useForm<{ name: string; expires_in_days?: number }>();
  const [alert, setAlert] = useState<string | null>(null);
  const [made, setMade] = useState<{ name: string; token: string; expires_at: string | null } | null>(null);
  if (tokens.error) return <Refusal error={tokens.error} />;

  const submit = async (v: { name: string; expires_in_days?: number }) => {
    try {
      const t = await create.mutateAsync({
        name: v.name,
        ...(v.expires_in_days && { expires_in_days: v.expires_in_days }),
      });
      setAlert(null);
      form.resetFields();
      setMade({ name: t.name, token: t.token ?? '', expires_at: t.expires_at });
    } catch (e) {
      showProblems(e, form, ['name', 'expires_in_days'], setAlert);
    }
  };

  return (
    <div>
      <Typography.Paragraph type="secondary">
        API 令牌供脚本访问本系统（请求头 Authorization: Bearer
        令牌），权限与您的账号相同。令牌只在创建时显示一次；重置密码、停用账号或变更角色后全部失效。
      </Typography.Paragraph>
      {alert && <Alert type="error" showIcon message={alert} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        name="token-form"
        layout="inline"
        onFinish={submit}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="name" label="令牌名称" rules={[{ required: true, message: '请为令牌起个名字' }]}>
          <Input placeholder="例如 月报导出脚本" style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="expires_in_days" label="有效天数">
          <InputNumber min={1} max={365} placeholder="90" style={{ width: 100 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            创建令牌
          </Button>
        </Form.Item>
      </Form>
      <TokenTable
        tokens={tokens.data?.items ?? []}
        loading={tokens.isPending}
        onRevoke={(t) => revoke.mutateAsync(t.id)}
      />
      <Modal
        open={made !== null}
        title={`令牌“${made?.name ?? ''}”已创建`}
        onCancel={() => setMade(null)}
        destroyOnHidden
        footer={
          <Button type="primary" onClick={() => setMade(null)}>
            我已保存
          </Button>
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="warning" showIcon message="请立即复制保存。关闭后不会再显示此令牌。" />
          <Typography.Text code copyable className="audit-hash" data-testid="new-token">
            {made?.token}
          </Typography.Text>
          {made?.expires_at && (
            <Typography.Text>有效期至{proseDate(made.expires_at.slice(0, 10))}。</Typography.Text>
          )}
        </Space>
      </Modal>
    </div>
  );
}
