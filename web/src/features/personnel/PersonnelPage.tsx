// 人事: the personnel actions the year's decision recommends and what the deciding authority did
// (处理建议), and the lookup "may this person be transferred or promoted on this day?" by name
// (调动提拔查询). The tab, the open recommendation and the lookup are kept in the address.

import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useShell } from '../../app/context.ts';
import { fpYearLabel } from '../../lib/format.ts';
import { withParams } from '../../lib/params.ts';
import { ActionsTab } from './ActionsTab.tsx';
import { LookupTab } from './LookupTab.tsx';

export default function PersonnelPage() {
  const { county, year } = useShell();
  const [params, setParams] = useSearchParams();
  if (county === null) return null;
  const tab = params.get('tab') === 'lookup' ? 'lookup' : 'actions';
  return (
    <div>
      <Typography.Title level={3} className="page-title" style={{ marginTop: 0, marginBottom: 4 }}>
        人事
      </Typography.Title>
      <Typography.Text type="secondary" className="page-sub">
        {fpYearLabel(year)}　处理建议由有权机关决定；考核办记录其决定。
      </Typography.Text>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams((p) => withParams(p, { tab: k === 'lookup' ? 'lookup' : null }))}
        items={[
          { key: 'actions', label: '处理建议', children: <ActionsTab county={county} year={year} /> },
          { key: 'lookup', label: '调动提拔查询', children: <LookupTab county={county} /> },
        ]}
      />
    </div>
  );
}
