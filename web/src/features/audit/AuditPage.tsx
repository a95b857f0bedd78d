// 审计: the trail of the county for the discipline commission, the audit bureau and administrators,
// read only — the search (in the address), the entries paged on the server, an entry's values
// before and after in a drawer (?entry=SEQ), and the check of the chain against a kept head
// (?head=SEQ:HASH). Nothing on this screen writes.

import { Table, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { PageLoading } from '../../app/PageLoading.tsx';
import { Refusal } from '../../app/Refusal.tsx';
import { withParams } from '../../lib/params.ts';
import { opensOnClick } from '../../lib/rows.ts';
import { useEntry, useTrail } from './api.ts';
import { ChainCard } from './ChainCard.tsx';
import { trailColumns } from './columns.tsx';
import { EntryDrawer } from './EntryDrawer.tsx';
import { PAGE_SIZES, queryOf, SEARCH_KEYS, withPage, withSearch } from './filters.ts';
import { parseHead } from './head.ts';
import { SearchForm } from './SearchForm.tsx';

export default function AuditPage() {
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const trail = useTrail(query);
  const seq = Number(params.get('entry')) || null;
  const entry = useEntry(seq);
  const parsed = parseHead(params.get('head') ?? '');
  const kept = 'head' in parsed ? parsed.head : null;
  const set = (key: string, value: string | null) => setParams((p) => withParams(p, { [key]: value }));
  const search = Object.fromEntries(SEARCH_KEYS.filter((k) => query[k]).map((k) => [k, query[k]!]));

  if (trail.error) return <Refusal error={trail.error} />;
  return (
    <div>
      <Typography.Title level={3} className="page-title" style={{ marginTop: 0, marginBottom: 4 }}>
        审计
      </Typography.Title>
      <Typography.Text type="secondary" className="page-sub">
        系统中的每一次写入、登录和被拒绝的访问都记入审计日志，逐条以哈希相连，不能修改或删除。本页只供查阅。
      </Typography.Text>
      <ChainCard kept={kept} onCheck={(h) => set('head', `${h.seq}:${h.hash}`)} />
      <SearchForm value={search} onSearch={(s) => setParams((p) => withSearch(p, s))} />
      {trail.isPending ? (
        <PageLoading />
      ) : (
        <Table
          size="small"
          rowKey="seq"
          columns={trailColumns}
          dataSource={trail.data?.items ?? []}
          loading={trail.isFetching}
          onRow={(e) => opensOnClick(() => set('entry', String(e.seq)), `第 ${e.seq} 条：${e.action_zh}`)}
          pagination={{
            current: query.offset / query.limit + 1,
            pageSize: query.limit,
            total: trail.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES.map(String),
            showTotal: (t) => `共 ${t} 条`,
            onChange: (page, size) => setParams((p) => withPage(p, size !== query.limit ? 1 : page, size)),
          }}
          locale={{ emptyText: '没有符合条件的记录' }}
        />
      )}
      <EntryDrawer entry={entry.data ?? undefined} onClose={() => set('entry', null)} />
    </div>
  );
}
