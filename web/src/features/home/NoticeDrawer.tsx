// One warning notice, in a drawer over the home screen. Its id comes from the address, so a
// notice the user may not see (another town's) gets the server's refusal, shown in the drawer.

import { Descriptions, Drawer } from 'antd';
import { DEADLINE_LIGHT_ZH, deadlineLight } from '../../../../src/domain/deadlines.ts';
import { Refusal } from '../../app/Refusal.tsx';
import { proseDate, todayInChina } from '../../lib/format.ts';
import { useNotice } from './api.ts';
import { Light } from './columns.tsx';

export function NoticeDrawer({
  county,
  id,
  unitName,
  onClose,
}: {
  county: string;
  id: string | null;
  /** The unit's name when the worklist has it (the notice itself carries only its id). */
  unitName?: string | undefined;
  onClose: () => void;
}) {
  const notice = useNotice(county, id);
  const n = notice.data as Record<string, string | null> | undefined;
  const light = n?.deadline && !n.corrected_on ? deadlineLight(n.deadline, todayInChina()) : null;
  return (
    <Drawer open={id !== null} onClose={onClose} width={520} title={`警示通知书 ${id ?? ''}`} destroyOnHidden>
      {notice.error ? (
        <Refusal error={notice.error} />
      ) : (
        n && (
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="编号">{n.id}</Descriptions.Item>
            <Descriptions.Item label="单位">{unitName ?? n.unit}</Descriptions.Item>
            <Descriptions.Item label="事项">{n.matter}</Descriptions.Item>
            <Descriptions.Item label="下达日期">{proseDate(n.issued_on)}</Descriptions.Item>
            <Descriptions.Item label="整改期限">
              {n.deadline ? proseDate(n.deadline) : '未定期限'}
              {light && (
                <span style={{ marginLeft: 12 }}>
                  <Light light={light} text={DEADLINE_LIGHT_ZH[light]} />
                </span>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="验收日期">
              {n.corrected_on ? proseDate(n.corrected_on) : '尚未验收'}
            </Descriptions.Item>
          </Descriptions>
        )
      )}
    </Drawer>
  );
}
