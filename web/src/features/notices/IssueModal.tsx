// 下发警示通知书: the unit, the number, the matter, the issue date and the deadline (required, not
// before the issue date: 四(三)2(1) 限期改正). The API's problems are shown on their fields.

import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, problemsToFields } from '../../api/errors.ts';
import { FormSelect } from '../../lib/FormSelect.tsx';
import { kindZh, useVocabulary } from '../../lib/vocabulary.ts';
import { type UnitOption, useIssue } from './api.ts';
import { deadlineProblem, issueRequest } from './search.ts';

interface Fields {
  id: string;
  unit: string;
  matter: string;
  issued_on: Dayjs;
  deadline: Dayjs;
}

const FIELDS = ['id', 'unit', 'matter', 'issued_on', 'deadline'];
const day = (d: Dayjs | undefined | null) => (d ? d.format('YYYY-MM-DD') : undefined);

export function IssueModal({
  county,
  units,
  nextId,
  today,
  onClose,
}: {
  county: string;
  units: readonly UnitOption[];
  nextId: string;
  /** The server's today, the default issue date. */
  today: string;
  /** Called with the new notice's id once issued, or null when cancelled. */
  onClose: (id: string | null) => void;
}) {
  const [form] = Form.useForm<Fields>();
  const [alert, setAlert] = useState<string>();
  const issue = useIssue(county);
  const words = useVocabulary(county);
  const submit = (v: Fields) => {
    setAlert(undefined);
    const body = issueRequest({
      id: v.id,
      unit: v.unit,
      matter: v.matter,
      issued_on: day(v.issued_on)!,
      deadline: day(v.deadline)!,
    });
    issue.mutate(body, {
      onSuccess: () => onClose(body.id),
      onError: (e) => {
        if (!(e instanceof ApiError)) return;
        const { fields, other } = problemsToFields(e.problems, FIELDS);
        form.setFields(fields as never);
        if (other.length) setAlert(other.map((p) => p.zh).join('；'));
        else if (!e.problems.length) setAlert(e.zh);
      },
    });
  };
  return (
    <Modal
      open
      title="下发警示通知书"
      okText="下发"
      cancelText="取消"
      confirmLoading={issue.isPending}
      onOk={() => form.submit()}
      onCancel={() => onClose(null)}
      destroyOnHidden
      width={560}
    >
      {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 12 }} />}
      <Form<Fields>
        form={form}
        name="issue"
        layout="vertical"
        onFinish={submit}
        initialValues={{ id: nextId, issued_on: dayjs(today) }}
      >
        <Form.Item label="单位" name="unit" rules={[{ required: true, message: '请选择单位' }]}>
          <FormSelect
            showSearch
            optionFilterProp="label"
            placeholder="选择镇（场）、村（社区、工区）或县直单位"
            options={units.map((u) => ({
              value: u.id,
              label: `${u.name}（${kindZh(words, u.kind)}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          label="编号"
          name="id"
          rules={[{ required: true, whitespace: true, message: '请填写编号' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          label="事项"
          name="matter"
          rules={[{ required: true, whitespace: true, message: '请写明需要整改的事项' }]}
        >
          <Input maxLength={100} placeholder="如：流动人口信息未按时核查" />
        </Form.Item>
        <Form.Item label="下发日期" name="issued_on" rules={[{ required: true, message: '请选择下发日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label="整改期限"
          name="deadline"
          dependencies={['issued_on']}
          required
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v: Dayjs | undefined) => {
                const p = deadlineProblem(day(getFieldValue('issued_on')), day(v));
                return p ? Promise.reject(new Error(p)) : Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
