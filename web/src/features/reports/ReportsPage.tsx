// 报表: the 奖惩兑现表, ledger statements, the overdue list as of a day and the rankings, each on
// screen (with a chart where one reads faster) and, the first three, as Excel downloads. A tab is
// offered when the server lets the user read its report; the tab and its choices are in the
// address (?tab=, ?unit=, ?on=).

import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useShell } from '../../app/context.ts';
import { fpYearLabel } from '../../lib/format.ts';
import { withParams } from '../../lib/params.ts';
import { can } from '../../session/session.ts';
import { OverdueTab } from './OverdueTab.tsx';
import { RankingsTab } from './RankingsTab.tsx';
import { RewardsTab } from './RewardsTab.tsx';
import { StatementTab } from './StatementTab.tsx';

const Y = 'GET /api/v1/counties/:county/years/:fpYear';

export default function ReportsPage() {
  const { session, county, year } = useShell();
  const [params, setParams] = useSearchParams();
  const set = (k: string, v: string | null) => setParams((p) => withParams(p, { [k]: v }));
  if (!county) return null;
  const tabs = [
    {
      key: 'rewards',
      need: `${Y}/reports/rewards-and-sanctions`,
      label: '奖惩兑现表',
      render: () => <RewardsTab county={county} year={year} />,
    },
    {
      key: 'statement',
      need: `${Y}/reports/statement`,
      label: '对账单',
      render: () => (
        <StatementTab
          county={county}
          year={year}
          unit={params.get('unit')}
          ownUnit={session.user.unit}
          setUnit={(u) => set('unit', u)}
        />
      ),
    },
    {
      key: 'overdue',
      need: `${Y}/reports/overdue`,
      label: '逾期罚款',
      render: () => (
        <OverdueTab county={county} year={year} on={params.get('on')} setOn={(d) => set('on', d)} />
      ),
    },
    {
      key: 'rankings',
      need: `${Y}/rankings`,
      label: '排名',
      render: () => <RankingsTab county={county} year={year} />,
    },
  ].filter((t) => can(session, t.need));
  const active = tabs.find((t) => t.key === params.get('tab')) ?? tabs[0];
  return (
    <div>
      <Typography.Title level={3} className="page-title" style={{ marginTop: 0, marginBottom: 4 }}>
        报表
      </Typography.Title>
      <Typography.Text type="secondary" className="page-sub">
        {fpYearLabel(year)}
      </Typography.Text>
      <Tabs
        activeKey={active?.key}
        onChange={(k) => set('tab', k)}
        destroyOnHidden
        items={tabs.map((t) => ({
          key: t.key,
          label: t.label,
          children: t.key === active?.key ? t.render() : null,
        }))}
      />
    </div>
  );
}
