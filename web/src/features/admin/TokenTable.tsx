// A table of API tokens (their secrets are never shown again): name, made, expires, last used,
// state in words, and a revoke button where the reader may revoke.

import { Button, Popconfirm, Table } from 'antd';
import { tableDate, tableDateTime } from '../../lib/format.ts';
import type { Token } from './api.ts';
import { tokenState } from './forms.ts';

export function TokenTable({
  tokens,
  loading,
  onRevoke,
}: {
  tokens: Token[];
  loading: boolean;
  onRevoke?: ((t: Token) => Promise<unknown>) | undefined;
}) {
  return (
    <Table
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={tokens}
      pagination={false}
      locale={{ emptyText: '没有 API 令牌' }}
      columns={[
        { title: '名称', dataIndex: 'name' },
        { title: '创建日期', dataIndex: 'created_at', width: 110, render: tableDate },
        {
          title: '有效期至',
          dataIndex: 'expires_at',
          width: 110,
          render: (d: string | null) => (d ? tableDate(d) : '—'),
        },
        {
          title: '最近使用',
          dataIndex: 'last_used_at',
          width: 140,
          render: (d: string | null) => (d ? tableDateTime(d) : '未使用'),
        },
        { title: '状态', key: 'state', width: 170, render: (_: unknown, t) => tokenState(t).zh },
        ...(onRevoke
          ? [
              {
                title: '操作',
                key: 'revoke',
                width: 80,
                render: (_: unknown, t: Token) =>
                  tokenState(t).live && (
                    <Popconfirm
                      title={`吊销令牌“${t.name}”？`}
                      description="吊销后使用它的脚本立即无法访问。"
                      okText="吊销"
                      cancelText="取消"
                      onConfirm={() => onRevoke(t)}
                    >
                      <Button type="link" size="small" aria-label={`吊销令牌 ${t.name}`}>
                        吊销
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
