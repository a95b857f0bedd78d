// Confirming an evaluation as the year's decision. When a decision is already in force this is a
// correction: it names the decision it supersedes and asks for the reason. The fines' deadline
// may not be before the day of the decision; the server's problems are shown on the fields.

import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, problemsToFields } from '../../api/errors.ts';
import { proseDate, tableDate, tableDateTime } from '../../lib/format.ts';
import { type Decision, type Receipt, useConfirm } from './api.ts';
import { confirmMode } from './helpers.ts';

interface Values {
  fines_due_on?: Dayjs;
  reason?: string;
}

export function ConfirmModal({
  county,
  year,
  receipt,
  decisions,
  onClose,
}: {
  county: string;
  year: number;
  receipt: Receipt | null;
  decisions: Decision[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [alert, setAlert] = useState<string | null>(null);
  const { message } = App.useApp();
  const confirm = useConfirm(county, year);
  const mode = confirmMode(decisions);
  const evaluatedOn = receipt ? tableDate(receipt.created_at) : '';

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setAlert(null);
    confirm.mutate(
      {
        evaluation_id: receipt!.id,
        fines_due_on: v.fines_due_on!.format('YYYY-MM-DD'),
        ...(mode.correction && { supersedes: mode.supersedes.id, reason: v.reason ?? '' }),
      },
      {
        onSuccess: (d) => {
          message.success(mode.correction ? '已更正本年度的奖惩决定' : '已确认为本年度的奖惩决定');
          form.resetFields();
          onClose();
          return d;
        },
        onError: (e) => {
          if (!(e instanceof ApiError)) return;
          const { fields, other } = problemsToFields(e.problems, ['fines_due_on', 'reason']);
          form.setFields(fields as never);
          if (other.length || e.problems.length === 0)
            setAlert(other.length ? other.map((p) => p.zh).join('；') : e.zh);
        },
      },
    );
  };

  return (
    <Modal
      open={receipt !== null}
      title={mode.correction ? '更正本年度的奖惩决定' : '确认为本年度的奖惩决定'}
      okText={mode.correction ? '确认更正' : '确认'}
      cancelText="取消"
      confirmLoading={confirm.isPending}
      onOk={submit}
      onCancel={() => {
        setAlert(null);
        onClose();
      }}
      destroyOnHidden
    >
      {receipt && (
        <Typography.Paragraph>
          将{tableDateTime(receipt.created_at)}由{receipt.created_by_name}所作的评定确认为{year}
          年度的奖惩决定。决定一经确认不可修改，只能更正。
        </Typography.Paragraph>
      )}
      {mode.correction && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`本年度已有现行决定（${proseDate(mode.supersedes.confirmed_at.slice(0, 10))}由${mode.supersedes.confirmed_by_name}确认，编号 ${mode.supersedes.id.slice(0, 8)}）。本次确认将作为更正决定取代它，须写明更正理由。`}
        />
      )}
      {alert && <Alert type="error" showIcon message={alert} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item
          name="fines_due_on"
          label="罚款缴纳期限"
          extra="不得早于决定日期；逾期未缴的罚款可从单位拨款中扣缴。"
          rules={[{ required: true, message: '请选择罚款缴纳期限' }]}
        >
          <DatePicker
            style={{ width: 200 }}
            placeholder="选择日期"
            disabledDate={(d) => evaluatedOn !== '' && d.isBefore(dayjs(evaluatedOn), 'day')}
          />
        </Form.Item>
        {mode.correction && (
          <Form.Item
            name="reason"
            label="更正理由"
            rules={[{ required: true, whitespace: true, message: '更正决定须说明理由' }]}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
