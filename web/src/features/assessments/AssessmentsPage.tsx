// 考核: the year's province, city and county assessment outcomes (recorded by the office, with
// 抽中 sampled and 失职 at-fault units and caused_by; scores imported from Excel), the rankings as
// the engine reads them (前 N 名, ties by I5) and the category changes with a chart by town.
// The tab is in the address (?tab=rankings), as are the filters and an I5 preview.

import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useShell } from '../../app/context.ts';
import { Refusal } from '../../app/Refusal.tsx';
import { fpYearLabel } from '../../lib/format.ts';
import { withParams } from '../../lib/params.ts';
import { can } from '../../session/session.ts';
import { useRankings, useYearAssessments } from './api.ts';
import { CategoriesTab } from './CategoriesTab.tsx';
import { RankingsTab } from './RankingsTab.tsx';
import { RecordsTab } from './RecordsTab.tsx';

const TABS = ['records', 'rankings', 'categories'] as const;

export default function AssessmentsPage() {
  const { session, county, year } = useShell();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((t) => t === params.get('tab')) ?? 'records';
  const assessments = useYearAssessments(county, year);
  const rankings = useRankings(tab === 'records' ? null : county, year, params.get('I5'));
  if (county === null) return <Refusal error={null} />;
  return (
    <div>
      <Typography.Title level={3} className="page-title" style={{ marginTop: 0, marginBottom: 4 }}>
        考核
      </Typography.Title>
      <Typography.Text type="secondary" className="page-sub">
        {fpYearLabel(year)}　省、市、县对本县各单位的考核结果，排名与类别变化。
      </Typography.Text>
      <Tabs
        activeKey={tab}
        onChange={(t) => setParams((p) => withParams(p, { tab: t }))}
        items={[
          {
            key: 'records',
            label: '考核结果',
            children: (
              <RecordsTab
                county={county}
                year={year}
                query={assessments}
                canRecord={can(session, 'POST /api/v1/counties/:county/assessments')}
                canImport={can(session, 'PUT /api/v1/counties/:county/years/:fpYear/scores/xlsx')}
              />
            ),
          },
          { key: 'rankings', label: '排名', children: <RankingsTab query={rankings} /> },
          { key: 'categories', label: '类别变化', children: <CategoriesTab query={rankings} /> },
        ]}
      />
    </div>
  );
}
