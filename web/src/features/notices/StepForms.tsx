// The two steps after a notice is issued: the unit reports its correction (date and what it
// did), the office verifies it (督查验收; a note is required when nothing was reported). The
// API's problems are shown on their fields.

import { Alert, Button, DatePicker, Divider, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, problemsToFields } from '../../api/errors.ts';
import { type NoticeItem, useReportCorrection, useVerify } from './api.ts';

interface Fields {
  on: Dayjs;
  note?: string;
}

/** Shows an API refusal on the form: problems on their fields, the rest above it. */
function onProblems(
  form: ReturnType<typeof Form.useForm<Fields>>[0],
  dateField: string,
  setAlert: (s: string) => void,
) {
  return (e: unknown) => {
    if (!(e instanceof ApiError)) return;
    const renamed = e.problems.map((p) => (p.path === dateField ? { ...p, path: 'on' } : p));
    const { fields, other } = problemsToFields(renamed, ['on', 'note']);
    form.setFields(fields as never);
    if (other.length) setAlert(other.map((p) => p.zh).join('；'));
    else if (!e.problems.length) setAlert(e.zh);
  };
}

export function CorrectionForm({
  county,
  notice,
  today,
}: {
  county: string;
  notice: NoticeItem;
  today: string;
}) {
  const [form] = Form.useForm<Fields>();
  const [alert, setAlert] = useState<string>();
  const report = useReportCorrection(county, notice.id);
  return (
    <section aria-label="报告整改情况">
      <Divider orientation="left">
        {notice.correction_reported_on ? '重新报告整改情况' : '报告整改情况'}
      </Divider>
      {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 12 }} />}
      <Form<Fields>
        form={form}
        name="correction"
        layout="vertical"
        initialValues={{ on: dayjs(today), note: notice.correction_note ?? '' }}
        onFinish={(v) => {
          setAlert(undefined);
          report.mutate(
            { reported_on: v.on.format('YYYY-MM-DD'), note: (v.note ?? '').trim() },
            { onError: onProblems(form, 'reported_on', setAlert) },
          );
        }}
      >
        <Form.Item label="整改日期" name="on" rules={[{ required: true, message: '请选择整改日期' }]}>
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          label="整改情况"
          name="note"
          rules={[{ required: true, whitespace: true, message: '请说明整改情况' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={report.isPending}>
          报告整改
        </Button>
      </Form>
    </section>
  );
}

export function VerifyForm({ county, notice, today }: { county: string; notice: NoticeItem; today: string }) {
  const [form] = Form.useForm<Fields>();
  const [alert, setAlert] = useState<string>();
  const [warning, setWarning] = useState<string>();
  const verify = useVerify(county, notice.id);
  const direct = !notice.correction_reported_on;
  return (
    <section aria-label="验收整改">
      <Divider orientation="left">验收整改（县人口考核办）</Divider>
      {direct && (
        <Alert
          type="info"
          showIcon
          message="单位尚未报告整改，直接验收须说明情况。"
          style={{ marginBottom: 12 }}
        />
      )}
      {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 12 }} />}
      {warning && <Alert type="warning" showIcon message={warning} style={{ marginBottom: 12 }} />}
      <Form<Fields>
        form={form}
        name="verify"
        layout="vertical"
        initialValues={{ on: dayjs(today) }}
        onFinish={(v) => {
          setAlert(undefined);
          const note = v.note?.trim();
          verify.mutate(
            { verified_on: v.on.format('YYYY-MM-DD'), ...(note && { note }) },
            {
              onSuccess: (r) => setWarning(r.warnings.map((w) => w.zh).join('；') || undefined),
              onError: onProblems(form, 'verified_on', setAlert),
            },
          );
        }}
      >
        <Form.Item label="验收日期" name="on" rules={[{ required: true, message: '请选择验收日期' }]}>
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          label="验收意见"
          name="note"
          rules={direct ? [{ required: true, whitespace: true, message: '请说明验收情况' }] : []}
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={verify.isPending}>
          验收通过
        </Button>
      </Form>
    </section>
  );
}
