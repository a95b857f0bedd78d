// One warning notice in a drawer: what it says, its status and deadline light, the printable
// notice, the correction the unit reports and the office's verification (each offered only when
// the server allows it), and the unit's escalation timeline. Another town's notice, asked for by
// address, gets the server's refusal.

import { DownloadOutlined } from '@ant-design/icons';
import { Button, Descriptions, Divider, Drawer, Space, Tag, Timeline, Typography } from 'antd';
import { useShell } from '../../app/context.ts';
import { Refusal } from '../../app/Refusal.tsx';
import { proseDate } from '../../lib/format.ts';
import { can } from '../../session/session.ts';
import { documentUrl, useEscalations, useNotice, useUnitNotices } from './api.ts';
import { Light, STATUS_COLOR } from './columns.tsx';
import { CorrectionForm, VerifyForm } from './StepForms.tsx';
import { escalationOf, unitTimeline } from './timeline.ts';

const N = '/api/v1/counties/:county/warning-notices/:id';

export function NoticeDrawer({
  county,
  year,
  id,
  today,
  onClose,
}: {
  county: string;
  year: number;
  id: string | null;
  /** The server's today: the default date of a correction or a verification. */
  today: string;
  onClose: () => void;
}) {
  const { session } = useShell();
  const notice = useNotice(county, year, id);
  const n = notice.data && notice.data.id === id ? notice.data : undefined;
  const waiting = n && (n.status === 'open' || n.status === 'reported');
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={600}
      title={`警示通知书 ${id ?? ''}`}
      destroyOnHidden
      extra={
        n &&
        can(session, `GET ${N}/document.docx`) && (
          <Button icon={<DownloadOutlined />} href={documentUrl(county, n.id)} download>
            下载通知书
          </Button>
        )
      }
    >
      {notice.error ? (
        <Refusal error={notice.error} />
      ) : (
        n && (
          <>
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label="编号">{n.id}</Descriptions.Item>
              <Descriptions.Item label="单位">{n.unit.name}</Descriptions.Item>
              <Descriptions.Item label="单位类别">{n.unit.kind_zh}</Descriptions.Item>
              <Descriptions.Item label="事项">{n.matter}</Descriptions.Item>
              <Descriptions.Item label="下发日期">{proseDate(n.issued_on)}</Descriptions.Item>
              <Descriptions.Item label="整改期限">
                <Space>
                  {n.deadline ? proseDate(n.deadline) : '未定期限'}
                  <Light item={n} />
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label="状态">
                <Tag color={STATUS_COLOR[n.status]}>{n.status_zh}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label="报告整改">
                {n.correction_reported_on
                  ? `${proseDate(n.correction_reported_on)}：${n.correction_note ?? ''}`
                  : '尚未报告'}
              </Descriptions.Item>
              <Descriptions.Item label="验收">
                {n.corrected_on ? `${proseDate(n.corrected_on)}（${n.verified_by ?? ''}）` : '尚未验收'}
              </Descriptions.Item>
            </Descriptions>
            {waiting && can(session, `POST ${N}/correction`) && (
              <CorrectionForm county={county} notice={n} today={today} />
            )}
            {waiting && can(session, `POST ${N}/verify`) && (
              <VerifyForm county={county} notice={n} today={today} />
            )}
            <UnitTimeline county={county} year={n.fp_year ?? year} unit={n.unit.id} name={n.unit.name} />
          </>
        )
      )}
    </Drawer>
  );
}

function UnitTimeline({
  county,
  year,
  unit,
  name,
}: {
  county: string;
  year: number;
  unit: string;
  name: string;
}) {
  const { session } = useShell();
  const notices = useUnitNotices(county, year, unit);
  const escalations = useEscalations(
    county,
    year,
    can(session, 'GET /api/v1/counties/:county/years/:fpYear/escalations'),
  );
  const entries = unitTimeline(unit, notices.data?.items ?? [], escalations.data);
  const escalated = escalationOf(unit, escalations.data);
  return (
    <section aria-label={`${name}的警示与升级情况`}>
      <Divider orientation="left">{name}本年度的警示通知书（四（三）2（2））</Divider>
      {escalated && (
        <Typography.Paragraph>
          <Tag color="red">提醒注意</Tag>
          {escalated.consequence_zh}
        </Typography.Paragraph>
      )}
      <Timeline
        items={entries.map((e) => ({
          color: e.color,
          children: (
            <div>
              <Typography.Text strong>
                {proseDate(e.date)}　{e.title}
              </Typography.Text>
              {e.text && <div>{e.text}</div>}
            </div>
          ),
        }))}
      />
    </section>
  );
}
