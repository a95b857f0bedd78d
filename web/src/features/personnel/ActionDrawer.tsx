// One recommendation: whom, what, under which clause and why; what the deciding authority did
// (each record); the office records a decision; the 人事处理建议函 to download.

import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Divider,
  Drawer,
  Form,
  Input,
  Radio,
  Table,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { PERSONNEL_STATUS_ZH } from '../../../../src/domain/labels.ts';
import { ApiError, problemsToFields } from '../../api/errors.ts';
import { useShell } from '../../app/context.ts';
import { can } from '../../session/session.ts';
import { type Action, letterUrl, type RecordBody, useRecord } from './api.ts';
import { clauseText, period } from './helpers.ts';

export function ActionDrawer({
  action,
  missing,
  onClose,
}: {
  action: Action | null;
  /** The address names a recommendation the user does not see. */
  missing: boolean;
  onClose: () => void;
}) {
  const { session } = useShell();
  const a = action;
  return (
    <Drawer
      open={a !== null || missing}
      onClose={onClose}
      width={620}
      title={a ? `处理建议：${a.subject.name}` : '处理建议'}
      destroyOnHidden
      extra={
        a &&
        can(session, 'GET /api/v1/personnel-actions/:id/document.docx') && (
          <Button icon={<DownloadOutlined />} href={letterUrl(a.id)} download>
            下载人事处理建议函
          </Button>
        )
      }
    >
      {missing && <Alert type="warning" showIcon message="未找到该处理建议，或您无权查看。" />}
      {a && (
        <>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="对象">{a.subject.name}</Descriptions.Item>
            <Descriptions.Item label="处理建议">{a.type_zh}</Descriptions.Item>
            <Descriptions.Item label="依据条款">{clauseText(a)}</Descriptions.Item>
            <Descriptions.Item label="期限">{period(a)}</Descriptions.Item>
            {a.max_grade && <Descriptions.Item label="至多评为">{a.max_grade}</Descriptions.Item>}
            <Descriptions.Item label="理由">{a.explanation}</Descriptions.Item>
            <Descriptions.Item label="决定情况">
              <Tag>{a.status_zh}</Tag>
            </Descriptions.Item>
          </Descriptions>
          <Divider orientation="left">有权机关的决定</Divider>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={a.records}
            locale={{ emptyText: '尚未记录决定' }}
            columns={[
              { title: '决定', dataIndex: 'outcome_zh', width: 120 },
              { title: '决定机关', dataIndex: 'authority' },
              { title: '决定日期', dataIndex: 'decided_on', width: 110 },
              { title: '说明', dataIndex: 'note' },
            ]}
          />
          {can(session, 'POST /api/v1/personnel-actions/:id/records') && <RecordForm key={a.id} id={a.id} />}
        </>
      )}
    </Drawer>
  );
}

interface Fields {
  outcome: RecordBody['outcome'];
  authority: string;
  decided_on: Dayjs;
  note?: string;
}

function RecordForm({ id }: { id: string }) {
  const [form] = Form.useForm<Fields>();
  const [alert, setAlert] = useState<string>();
  const record = useRecord(id);
  return (
    <section aria-label="记录决定">
      <Divider orientation="left">记录决定</Divider>
      {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 12 }} />}
      <Form<Fields>
        form={form}
        name="record"
        layout="vertical"
        initialValues={{ outcome: 'adopted', decided_on: dayjs() }}
        onFinish={(v) => {
          setAlert(undefined);
          const note = v.note?.trim();
          record.mutate(
            {
              outcome: v.outcome,
              authority: v.authority.trim(),
              decided_on: v.decided_on.format('YYYY-MM-DD'),
              ...(note && { note }),
            },
            {
              onSuccess: () => form.resetFields(['authority', 'note']),
              onError: (e) => {
                if (!(e instanceof ApiError)) return;
                const { fields, other } = problemsToFields(e.problems, [
                  'outcome',
                  'authority',
                  'decided_on',
                  'note',
                ]);
                form.setFields(fields as never);
                if (other.length) setAlert(other.map((p) => p.zh).join('；'));
              },
            },
          );
        }}
      >
        <Form.Item label="决定" name="outcome">
          <Radio.Group
            options={(['adopted', 'not_adopted'] as const).map((value) => ({
              value,
              label: PERSONNEL_STATUS_ZH[value],
            }))}
          />
        </Form.Item>
        <Form.Item
          label="决定机关或负责人"
          name="authority"
          rules={[{ required: true, whitespace: true, message: '请写明作出决定的机关或负责人' }]}
        >
          <Input maxLength={200} placeholder="如：中共某县委组织部" />
        </Form.Item>
        <Form.Item label="决定日期" name="decided_on" rules={[{ required: true, message: '请选择决定日期' }]}>
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="说明" name="note">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={record.isPending}>
          记录决定
        </Button>
      </Form>
    </section>
  );
}
