// One unit's 二(四) roster for the FP year: its status and version, the office's reasons when
// returned, download and upload (the unit's users, and the office on its behalf), the roster's
// lines, the diff against the stored facts and against last year, its history, and for the
// office the return and acceptance of a submitted roster. The tab is in the address (?tab=diff).

import { Alert, Card, Descriptions, Empty, Space, Table, Tabs, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { useShell } from '../../app/context.ts';
import { PageLoading } from '../../app/PageLoading.tsx';
import { Refusal } from '../../app/Refusal.tsx';
import { fpYearLabel, tableDateTime } from '../../lib/format.ts';
import { withParams } from '../../lib/params.ts';
import { can } from '../../session/session.ts';
import { type RosterDiff, useRoster, useRosterDiff } from './api.ts';
import { diffColumns, historyColumns, lineColumns, StatusTag } from './columns.tsx';
import { ReviewActions } from './ReviewActions.tsx';
import { UploadCard } from './UploadCard.tsx';

const K = '/api/v1/counties/:county/years/:fpYear/rosters/:unit';
const TABS = ['lines', 'stored', 'last-year', 'history'] as const;

export function RosterPage() {
  const { session, county, year } = useShell();
  const unit = useParams().unit ?? '';
  const [params, setParams] = useSearchParams();
  const roster = useRoster(county, year, unit);
  const tab = TABS.find((t) => t === params.get('tab')) ?? 'lines';
  const diff = useRosterDiff(county, year, unit, tab === 'stored' || tab === 'last-year');
  const setTab = (t: string) => setParams((p) => withParams(p, { tab: t }));

  if (county === null) return <Refusal error={null} />;
  if (roster.isPending) return <PageLoading />;
  if (roster.error) return <Refusal error={roster.error} />;
  const r = roster.data;
  const board = can(session, 'GET /api/v1/counties/:county/years/:fpYear/rosters') && !session.user.unit;

  return (
    <div>
      {board && (
        <Link to={`/rosters?year=${year}`} style={{ display: 'inline-block', marginBottom: 8 }}>
          ← 返回名单上报总览
        </Link>
      )}
      <Space align="center" wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} className="page-title" style={{ margin: 0 }}>
          {r.unit.name} 名单（二（四））
        </Typography.Title>
        {r.status === 'submitted' && (
          <ReviewActions
            county={county}
            year={year}
            unit={unit}
            version={r.version}
            canReturn={can(session, `POST ${K}/return`)}
            canAccept={can(session, `POST ${K}/accept`)}
          />
        )}
      </Space>
      <Descriptions size="small" column={{ xs: 1, lg: 4 }} style={{ margin: '12px 0' }}>
        <Descriptions.Item label="计生年度">{fpYearLabel(year)}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <StatusTag status={r.status} zh={r.status_zh} />
          {r.version > 0 && `第 ${r.version} 版`}
        </Descriptions.Item>
        <Descriptions.Item label="上报">
          {r.submitted_at ? `${tableDateTime(r.submitted_at)} ${r.submitted_by_name ?? ''}` : '尚未上报'}
        </Descriptions.Item>
        <Descriptions.Item label="审核">
          {r.reviewed_at ? `${tableDateTime(r.reviewed_at)} ${r.reviewed_by_name ?? ''}` : '尚未审核'}
        </Descriptions.Item>
      </Descriptions>
      {r.status === 'returned' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="县人口考核办退回了这份名单，请改正后重新上报"
          description={
            <ol style={{ margin: 0, paddingLeft: 20 }}>
              {r.reasons.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ol>
          }
        />
      )}
      {can(session, `GET ${K}/template.xlsx`) && (
        <UploadCard
          county={county}
          year={year}
          unit={unit}
          canUpload={can(session, `PUT ${K}/xlsx`)}
          onSubmitted={() => setTab('stored')}
        />
      )}
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'lines',
              label: r.content ? `名单内容（第 ${r.version} 版）` : '现有数据（尚未上报）',
              children: (
                <Table
                  size="small"
                  rowKey={(l) => `${l.kind}|${l.zh}`}
                  columns={lineColumns}
                  dataSource={r.lines}
                  pagination={{ pageSize: 15, hideOnSinglePage: true, showSizeChanger: false }}
                  locale={{ emptyText: '没有职务和挂钩关系' }}
                />
              ),
            },
            {
              key: 'stored',
              label: '与现有数据比较',
              children: (
                <DiffPanel
                  query={diff}
                  pick={(d) => d.against_stored}
                  intro="接受这份名单将对现有数据作出的改动。"
                />
              ),
            },
            {
              key: 'last-year',
              label: '与上年比较',
              children: (
                <DiffPanel
                  query={diff}
                  pick={(d) => d.against_last_year}
                  intro={
                    diff.data
                      ? `与 ${diff.data.against_last_year.fp_year} 年度比较（依据：${diff.data.against_last_year.basis_zh}）。`
                      : ''
                  }
                />
              ),
            },
            {
              key: 'history',
              label: '上报记录',
              children: (
                <Table
                  size="small"
                  rowKey={(h) => `${h.action}${h.version}${h.at}`}
                  columns={historyColumns}
                  dataSource={r.history}
                  pagination={false}
                  locale={{ emptyText: '尚无上报记录' }}
                />
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}

type Side = RosterDiff['against_stored'];

function DiffPanel({
  query,
  pick,
  intro,
}: {
  query: ReturnType<typeof useRosterDiff>;
  pick: (d: RosterDiff) => Side;
  intro: string;
}) {
  if (query.isPending) return <PageLoading />;
  if (query.error) return <Refusal error={query.error} />;
  const d = pick(query.data);
  const parts = [
    { key: 'added', title: '新增', rows: d.added },
    { key: 'changed', title: '变更', rows: d.changed },
    { key: 'removed', title: '不再列入', rows: d.removed },
  ];
  if (parts.every((p) => p.rows.length === 0)) return <Empty description={`${intro}没有差异。`} />;
  return (
    <div>
      <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
      {parts
        .filter((p) => p.rows.length > 0)
        .map((p) => (
          <section key={p.key} aria-label={p.title} style={{ marginBottom: 16 }}>
            <Typography.Title level={5}>
              {p.title}（{p.rows.length} 条）
            </Typography.Title>
            <Table
              size="small"
              rowKey={(l) => `${l.kind}|${l.zh}`}
              columns={diffColumns}
              dataSource={p.rows}
              pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            />
          </section>
        ))}
    </div>
  );
}
