// 工作台: what is waiting for the signed-in user in the selected FP year — one card per concern
// with the figure, a table of what to do, and a chart where a picture reads faster. A notice
// opens in a drawer (its id in ?notice=, so the address can be shared or bookmarked).

import { Alert, Card, Col, Empty, Row, Statistic, Table, type TableProps, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useShell } from '../../app/context.ts';
import { PageLoading } from '../../app/PageLoading.tsx';
import { Refusal } from '../../app/Refusal.tsx';
import { Chart } from '../../lib/chart/Chart.tsx';
import { fpYearLabel, proseDate, tableDateTime, yuanWithCapital } from '../../lib/format.ts';
import { withParams } from '../../lib/params.ts';
import { opensOnClick } from '../../lib/rows.ts';
import { useVocabulary } from '../../lib/vocabulary.ts';
import { can, displayName } from '../../session/session.ts';
import { useCounties, useWorklist } from './api.ts';
import { categoriesByTownBar, rosterStatusPie, rosterStatusText } from './charts.ts';
import { fineColumns, missingColumns, noticeColumns, rosterColumns } from './columns.tsx';
import { NoticeDrawer } from './NoticeDrawer.tsx';
import { evaluationState, figures } from './summary.ts';

/** A card of the worklist. */
const CARD = { size: 'small', style: { marginBottom: 16 } } as const;

/** A table of what is waiting: small, paged when it is long, saying so when it is empty. */
function WorkTable<T extends object>({
  pageSize,
  empty,
  ...props
}: TableProps<T> & { pageSize: number; empty: string }) {
  return (
    <Table<T>
      size="small"
      pagination={{ pageSize, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: empty }}
      {...props}
    />
  );
}

export default function HomePage() {
  const { session, county, year } = useShell();
  const words = useVocabulary(county);
  const [params, setParams] = useSearchParams();
  // An account that may not read a county's worklist (an administrator, bound to a county or not)
  // gets the administrator's home instead of a refusal.
  const mayWork = county !== null && can(session, 'GET /api/v1/counties/:county/years/:fpYear/worklist');
  const worklist = useWorklist(mayWork ? county : null, year);
  const notice = params.get('notice');
  const openNotice = (id: string | null) => setParams((p) => withParams(p, { notice: id }));

  if (!mayWork) return <AdminHome name={displayName(session.user)} />;
  if (worklist.isPending) return <PageLoading />;
  if (worklist.error) return <Refusal error={worklist.error} />;
  const w = worklist.data;

  return (
    <div>
      <Typography.Title level={3} className="page-title" style={{ marginTop: 0, marginBottom: 4 }}>
        工作台
      </Typography.Title>
      <Typography.Text type="secondary" className="page-sub">
        {fpYearLabel(year)}　今天是{proseDate(w.on)}
      </Typography.Text>

      <Row gutter={16} className="stat-row">
        {figures(w, session.user.role).map((f) => (
          <Col key={f.key} xs={12} lg={8} xl={Math.max(4, Math.floor(24 / 5))}>
            <Card size="small">
              <Statistic
                title={f.title}
                value={f.value}
                suffix={f.suffix}
                valueStyle={{ color: f.alert ? '#ad4e00' : '#135200', fontSize: 22 }}
              />
              {f.note && <Typography.Text type="secondary">{f.note}</Typography.Text>}
            </Card>
          </Col>
        ))}
      </Row>

      <Row gutter={16}>
        {w.rosters && (
          <Col xs={24} xl={12}>
            <Card title="名单上报（二（四））" {...CARD}>
              {w.rosters.waiting.length + w.rosters.counts.accepted > 1 && (
                <Chart
                  option={rosterStatusPie(w.rosters.counts)}
                  label={rosterStatusText(w.rosters.counts)}
                  height={220}
                />
              )}
              <WorkTable
                rowKey="unit"
                columns={rosterColumns(words)}
                dataSource={w.rosters.waiting}
                pageSize={5}
                empty="名单都已接受"
              />
            </Card>
          </Col>
        )}
        {w.assessments && (
          <Col xs={24} xl={12}>
            <Card title="县年度考核录入" {...CARD}>
              {w.assessments.categories.length > 0 ? (
                <Chart
                  option={categoriesByTownBar(w.assessments.categories)}
                  label={`各镇（场）所辖村的类别：${w.assessments.categories
                    .map(
                      (c) =>
                        `${c.town_name}${Object.entries(c.counts)
                          .map(([k, n]) => ` ${k}类 ${n} 个`)
                          .join('')}`,
                    )
                    .join('；')}`}
                  height={220}
                />
              ) : (
                <Empty description="本年度尚无村的类别" />
              )}
              <WorkTable
                rowKey="unit"
                columns={missingColumns}
                dataSource={w.assessments.missing}
                pageSize={5}
                empty="县年度考核都已录入"
              />
            </Card>
          </Col>
        )}
      </Row>

      {w.evaluation && (
        <Card title="奖惩评定" {...CARD}>
          <Alert
            type={w.evaluation.pending ? 'warning' : w.evaluation.latest ? 'success' : 'info'}
            showIcon
            message={evaluationState(w.evaluation)}
            description={
              <span>
                {w.evaluation.latest
                  ? `最近一次评定：${tableDateTime(w.evaluation.latest.created_at)}。`
                  : '本年度尚未评定。'}
                {w.evaluation.decision
                  ? `已确认的决定：${tableDateTime(w.evaluation.decision.confirmed_at)}。`
                  : ''}
              </span>
            }
          />
        </Card>
      )}

      {w.notices && (
        <Card title="警示通知书（四（三）2）" {...CARD}>
          <WorkTable
            rowKey="id"
            columns={noticeColumns}
            dataSource={w.notices.items}
            onRow={(n) => opensOnClick(() => openNotice(n.id))}
            pageSize={8}
            empty="没有待整改的警示通知书"
          />
        </Card>
      )}

      {w.fines && (
        <Card title="逾期未缴的罚款（八）" {...CARD}>
          <WorkTable
            rowKey="id"
            columns={fineColumns}
            dataSource={w.fines.items}
            pageSize={8}
            empty="没有逾期未缴的罚款"
            summary={() =>
              w.fines && w.fines.count > 0 ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={5}>
                    合计 {w.fines.count} 笔，{yuanWithCapital(w.fines.outstanding_fen)}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              ) : null
            }
          />
        </Card>
      )}

      <NoticeDrawer
        county={county}
        id={notice}
        unitName={w.notices?.items.find((i) => i.id === notice)?.unit_name}
        onClose={() => openNotice(null)}
      />
    </div>
  );
}

function AdminHome({ name }: { name: string }) {
  const counties = useCounties(true);
  return (
    <div>
      <Typography.Title level={3} className="page-title" style={{ marginTop: 0, marginBottom: 4 }}>
        工作台
      </Typography.Title>
      <Typography.Text type="secondary" className="page-sub">
        {name}，您是系统管理员，负责各县的账号与设置；考核数据由各县考核办管理。
      </Typography.Text>
      <Card title="本系统中的县" size="small">
        <Table
          size="small"
          rowKey="id"
          loading={counties.isPending}
          dataSource={counties.data?.items ?? []}
          pagination={false}
          columns={[
            { title: '县', dataIndex: 'name' },
            { title: '编号', dataIndex: 'id', width: 160 },
            { title: '政策包', dataIndex: 'policy', width: 200 },
          ]}
        />
      </Card>
    </div>
  );
}
