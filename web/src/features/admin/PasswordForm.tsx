// Giving an account a new password: its sessions end and its API tokens die with the old one.

import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { type UserRow, usePatchUser } from './api.ts';
import { showProblems } from './formErrors.ts';

export function PasswordForm({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string }>();
  const [alert, setAlert] = useState<string | null>(null);
  const patch = usePatchUser();
  useEffect(() => {
    if (user) {
      form.resetFields();
      setAlert(null);
    }
  }, [user, form]);
  const submit = async (v: { password: string }) => {
    try {
      await patch.mutateAsync({ id: user!.id, body: { password: v.password } });
      onClose();
    } catch (e) {
      showProblems(e, form, ['password'], setAlert);
    }
  };
  return (
    <Modal
      open={user !== null}
      title={`重置密码：${user?.display_name ?? user?.username ?? ''}`}
      okText="重置"
      cancelText="取消"
      onOk={() => form.submit()}
      confirmLoading={patch.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        message="重置后该账号立即退出登录，其 API 令牌全部失效。"
        style={{ marginBottom: 12 }}
      />
      {alert && <Alert type="error" showIcon message={alert} style={{ marginBottom: 12 }} />}
      <Form form={form} name="password-form" layout="vertical" onFinish={submit}>
        <Form.Item name="password" label="新密码" rules={[{ required: true, message: '请填写新密码' }]}>
          <Input.Password autoComplete="new-password" placeholder="至少 10 个字符" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
