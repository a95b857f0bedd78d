// Creating or changing an account: login name, the person's name, a first password (create),
// the role and — for a town's or a county unit's account — its unit, picked from the county's
// tree. A county's administrator gets its own county only; the server refuses anything else.

import { Alert, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useShell } from '../../app/context.ts';
import { type UserRow, useCounties, useCreateUser, usePatchUser, usePlaces } from './api.ts';
import { showProblems } from './formErrors.ts';
import { needsUnit, newUserBody, placesFor, type UserValues, userPatch } from './forms.ts';

// Selects carry no client-side `required` rule (antd would put aria-required on a div): the
// server names a missing role or unit on its field.
const FIELDS = ['username', 'display_name', 'password', 'role', 'county', 'unit'];

export function UserForm({
  open,
  user,
  roles,
  onClose,
}: {
  open: boolean;
  /** The account to change; undefined: a new one. */
  user: UserRow | undefined;
  roles: { code: string; zh: string }[];
  onClose: () => void;
}) {
  const { county: own } = useShell();
  const [form] = Form.useForm<UserValues>();
  const [alert, setAlert] = useState<string | null>(null);
  const role = Form.useWatch('role', form);
  const county = Form.useWatch('county', form) ?? own ?? undefined;
  const counties = useCounties();
  const places = usePlaces(county);
  const create = useCreateUser();
  const patch = usePatchUser();
  useEffect(() => {
    if (!open) return;
    setAlert(null);
    form.resetFields();
    form.setFieldsValue(
      user
        ? {
            display_name: user.display_name ?? '',
            role: user.role,
            unit: user.unit ?? undefined,
            county: user.county ?? undefined,
          }
        : { county: own ?? undefined },
    );
  }, [open, user, own, form]);

  const submit = async (v: UserValues) => {
    try {
      if (user) await patch.mutateAsync({ id: user.id, body: userPatch(user, v) });
      else await create.mutateAsync(newUserBody({ ...v, county: v.county ?? own ?? undefined }));
      onClose();
    } catch (e) {
      showProblems(e, form, FIELDS, setAlert);
    }
  };
  const unitOptions = placesFor(role, places.data).map((p) => ({ value: p.id, label: p.name }));
  const countyOptions = (counties.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));

  return (
    <Modal
      open={open}
      title={user ? `修改账号：${user.display_name ?? user.username}` : '新建账号'}
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      confirmLoading={create.isPending || patch.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      {alert && <Alert type="error" showIcon message={alert} style={{ marginBottom: 12 }} />}
      <Form form={form} name="user-form" layout="vertical" onFinish={submit}>
        {!user && (
          <Form.Item name="username" label="登录名" rules={[{ required: true, message: '请填写登录名' }]}>
            <Input autoComplete="off" placeholder="3–40 个字母、数字或 _ . -" />
          </Form.Item>
        )}
        <Form.Item name="display_name" label="姓名" extra="公文和页面上显示的名字">
          <Input placeholder="例如 李明" />
        </Form.Item>
        {!user && (
          <Form.Item name="password" label="初始密码" rules={[{ required: true, message: '请填写初始密码' }]}>
            <Input.Password autoComplete="new-password" placeholder="至少 10 个字符" />
          </Form.Item>
        )}
        <Form.Item name="role" label="角色">
          <Select options={roles.map((r) => ({ value: r.code, label: r.zh }))} placeholder="请选择（必填）" />
        </Form.Item>
        {!user && (
          <Form.Item name="county" label="县" extra={own ? '县级管理员只能在本县建账号' : undefined}>
            <Select
              options={own ? countyOptions.filter((c) => c.value === own) : countyOptions}
              disabled={own !== null}
              allowClear={own === null}
              placeholder="系统管理员可不选县"
            />
          </Form.Item>
        )}
        {needsUnit(role) && (
          <Form.Item name="unit" label={role === 'town' ? '所属镇（场）' : '所属县直单位'}>
            <Select showSearch optionFilterProp="label" options={unitOptions} placeholder="请选择（必填）" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
