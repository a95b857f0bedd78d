// 用户: the accounts an administrator manages (its county's, or all), searched by name, role and
// status; created, changed, disabled or enabled, given a new password, and their API tokens
// listed and revoked. The buttons follow the server's permissions.

import { Button, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useShell } from '../../app/context.ts';
import { Refusal } from '../../app/Refusal.tsx';
import { tableDate } from '../../lib/format.ts';
import { can } from '../../session/session.ts';
import { type UserRow, usePatchUser, useUsers } from './api.ts';
import { searchUsers, type UserSearch } from './forms.ts';
import { PasswordForm } from './PasswordForm.tsx';
import { UserForm } from './UserForm.tsx';
import { UserTokens } from './UserTokens.tsx';

export function UsersTab() {
  const { session } = useShell();
  const users = useUsers(true);
  const patch = usePatchUser();
  const [search, setSearch] = useState<UserSearch>({});
  const [editing, setEditing] = useState<UserRow | 'new' | null>(null);
  const [password, setPassword] = useState<UserRow | null>(null);
  const [tokens, setTokens] = useState<UserRow | null>(null);
  const mayCreate = can(session, 'POST /api/v1/users');
  const mayChange = can(session, 'PATCH /api/v1/users/:id');
  const mayTokens = can(session, 'GET /api/v1/users/:id/tokens');
  if (users.error) return <Refusal error={users.error} />;
  const roles = users.data?.roles ?? [];

  const columns: ColumnsType<UserRow> = [
    { title: '姓名', dataIndex: 'display_name', width: 110, render: (n: string | null) => n ?? '—' },
    { title: '登录名', dataIndex: 'username', width: 120 },
    { title: '角色', dataIndex: 'role_zh', width: 150 },
    {
      title: '所属',
      key: 'place',
      render: (_: unknown, u) => [u.county_name, u.unit_name].filter(Boolean).join(' ') || '全部县',
    },
    {
      title: '状态',
      dataIndex: 'disabled_at',
      width: 80,
      render: (d: string | null) => (d ? <Tag>已停用</Tag> : <Tag color="#135200">启用</Tag>),
    },
    { title: '创建日期', dataIndex: 'created_at', width: 110, render: tableDate },
    {
      title: '操作',
      key: 'actions',
      width: 280,
      render: (_: unknown, u) => (
        <Space size={0} wrap>
          {mayChange && (
            <Button type="link" size="small" onClick={() => setEditing(u)} aria-label={`修改 ${u.username}`}>
              修改
            </Button>
          )}
          {mayChange && (
            <Button
              type="link"
              size="small"
              onClick={() => setPassword(u)}
              aria-label={`重置 ${u.username} 的密码`}
            >
              重置密码
            </Button>
          )}
          {mayChange && (
            <Popconfirm
              title={u.disabled_at ? `启用账号 ${u.username}？` : `停用账号 ${u.username}？`}
              description={u.disabled_at ? undefined : '停用后该账号立即退出登录，API 令牌全部失效。'}
              okText="确定"
              cancelText="取消"
              onConfirm={() => patch.mutateAsync({ id: u.id, body: { disabled: !u.disabled_at } })}
            >
              <Button type="link" size="small">
                {u.disabled_at ? '启用' : '停用'}
              </Button>
            </Popconfirm>
          )}
          {mayTokens && (
            <Button
              type="link"
              size="small"
              onClick={() => setTokens(u)}
              aria-label={`${u.username} 的 API 令牌`}
            >
              令牌
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <Form
        name="user-search"
        layout="inline"
        onFinish={(v: UserSearch) => setSearch(v)}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="text" label="查找">
          <Input allowClear placeholder="姓名、登录名或单位" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="role" label="角色">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 170 }}
            options={roles.map((r) => ({ value: r.code, label: r.zh }))}
          />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 100 }}
            options={[
              { value: 'active', label: '启用' },
              { value: 'disabled', label: '已停用' },
            ]}
          />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button htmlType="submit">查询</Button>
            {mayCreate && (
              <Button type="primary" onClick={() => setEditing('new')}>
                新建账号
              </Button>
            )}
          </Space>
        </Form.Item>
      </Form>
      <Table
        size="small"
        rowKey="id"
        loading={users.isPending}
        columns={columns}
        dataSource={searchUsers(users.data?.items ?? [], search)}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (t) => `共 ${t} 个账号` }}
      />
      <UserForm
        open={editing !== null}
        user={editing === 'new' || editing === null ? undefined : editing}
        roles={roles}
        onClose={() => setEditing(null)}
      />
      <PasswordForm user={password} onClose={() => setPassword(null)} />
      <UserTokens user={tokens} onClose={() => setTokens(null)} />
    </div>
  );
}
