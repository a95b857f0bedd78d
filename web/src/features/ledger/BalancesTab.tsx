// 余额汇总: the balances by town (county units together), by unit, by person and for the county,
// every figure in 元; each level's total row is the sum of its rows, checked against the county.

import { Alert, Card, Descriptions, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { PageLoading } from '../../app/PageLoading.tsx';
import { Refusal } from '../../app/Refusal.tsx';
import { proseDate, yuan, yuanWithCapital } from '../../lib/format.ts';
import { useBalances } from './api.ts';
import { checkText, FIGURE_TITLES, type Figures, figuresOf, mismatches, sumFigures } from './balances.ts';

type Row = Figures & { id: string; name: string };

const money = (keys: (keyof Figures)[]): ColumnsType<Row> =>
  keys.map((k) => ({
    title: FIGURE_TITLES[k],
    dataIndex: k,
    align: 'right' as const,
    width: 112,
    render: (f: number) => yuan(f),
  }));

const FINES: (keyof Figures)[] = [
  'fines_assessed_fen',
  'fines_settled_fen',
  'fines_remitted_fen',
  'fines_deducted_fen',
  'fines_outstanding_fen',
  'fines_overdue_fen',
];
const REWARDS: (keyof Figures)[] = ['rewards_assessed_fen', 'rewards_paid_fen', 'rewards_outstanding_fen'];

function Level({
  title,
  level,
  rows,
  whole,
  keys,
  paged,
}: {
  title: string;
  level: string;
  rows: Row[];
  whole: Figures;
  keys: (keyof Figures)[];
  paged?: boolean;
}) {
  const sum = sumFigures(rows);
  const finesOnly = !keys.some((k) => k.startsWith('rewards_'));
  const ok = mismatches(rows, whole).filter((k) => !finesOnly || k.startsWith('fines_')).length === 0;
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }}>
      <Table
        size="small"
        rowKey="id"
        dataSource={rows}
        columns={[{ title: level, dataIndex: 'name', ellipsis: true }, ...money(keys)]}
        pagination={paged ? { pageSize: 10, showSizeChanger: false, hideOnSinglePage: true } : false}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
            {keys.map((k, i) => (
              <Table.Summary.Cell key={k} index={i + 1} align="right">
                <span data-testid={`sum-${level}-${k}`}>{yuan(sum[k])}</span>
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        )}
      />
      <Alert
        style={{ marginTop: 8 }}
        type={ok ? 'success' : 'error'}
        showIcon
        message={checkText(level, rows, whole, finesOnly)}
      />
    </Card>
  );
}

export function BalancesTab({ county, year, active }: { county: string; year: number; active: boolean }) {
  // 来源: every source, the county's own rules (县级办法) or one town pack's (七).
  const [source, setSource] = useState<string | undefined>(undefined);
  const q = useBalances(county, year, active, source);
  if (!active) return null;
  if (q.isPending) return <PageLoading />;
  if (q.error) return <Refusal error={q.error} />;
  const b = q.data;
  const whole = figuresOf(b.county);
  const rows = (
    xs: { id: string; name: string; fines: typeof b.county.fines; rewards: typeof b.county.rewards }[],
  ) => xs.map((x) => ({ id: x.id, name: x.name, ...figuresOf(x) }));
  const sourceName = b.sources.find((x) => x.id === source)?.name;
  return (
    <div>
      {b.sources.length > 1 && (
        <Space style={{ marginBottom: 12 }}>
          <span id="balances-source">来源</span>
          <Select
            aria-labelledby="balances-source"
            style={{ width: 160 }}
            value={source ?? 'all'}
            onChange={(v: string) => setSource(v === 'all' ? undefined : v)}
            options={[
              { value: 'all', label: '全部' },
              ...b.sources.map((x) => ({ value: x.id, label: x.name })),
            ]}
          />
        </Space>
      )}
      <Descriptions
        bordered
        size="small"
        column={3}
        title={`全县合计${sourceName ? `（${sourceName}）` : ''}（截至${proseDate(b.on)}）`}
        style={{ marginBottom: 16 }}
      >
        {(Object.keys(FIGURE_TITLES) as (keyof Figures)[]).map((k) => (
          <Descriptions.Item key={k} label={FIGURE_TITLES[k]}>
            <span data-testid={`county-${k}`}>
              {k.endsWith('outstanding_fen') ? yuanWithCapital(whole[k]) : yuan(whole[k])}
            </span>
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Level
        title="按镇（场）"
        level="镇（场）"
        rows={rows(b.towns)}
        whole={whole}
        keys={[...FINES, ...REWARDS]}
      />
      <Level
        title="按单位"
        level="单位"
        rows={rows(b.units)}
        whole={whole}
        keys={[...FINES, ...REWARDS]}
        paged
      />
      <Level title="按个人（罚款）" level="个人" rows={rows(b.people)} whole={whole} keys={FINES} paged />
    </div>
  );
}
