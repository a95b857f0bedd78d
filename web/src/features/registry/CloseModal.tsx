// Ends a post or link on a date (结束), or retracts one entered in error with its reason (撤回).
// Either way the row stays in the history, marked; the server records who did it and when.

import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, problemsToFields } from '../../api/errors.ts';
import { type Seg, useWrite } from './api.ts';

export interface CloseTarget {
  seg: Seg;
  id: string;
  label: string;
  mode: 'end' | 'retract';
}

export function CloseModal({
  county,
  target,
  onDone,
}: {
  county: string;
  target: CloseTarget | null;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ on?: Dayjs; reason?: string }>();
  const [alert, setAlert] = useState<string | null>(null);
  const write = useWrite();
  const end = target?.mode === 'end';
  const submit = async () => {
    if (!target) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setAlert(null);
    write.mutate(
      {
        county,
        seg: target.seg,
        op: 'close',
        id: target.id,
        body: end ? { on: v.on!.format('YYYY-MM-DD') } : { reason: v.reason!.trim() },
      },
      {
        onSuccess: () => {
          form.resetFields();
          onDone();
        },
        onError: (e) => {
          if (!(e instanceof ApiError)) return;
          const { fields, other } = problemsToFields(e.problems, ['on', 'reason']);
          form.setFields(fields as never);
          setAlert(other.length ? other.map((p) => p.zh).join('；') : fields.length ? null : e.zh);
        },
      },
    );
  };
  return (
    <Modal
      open={target !== null}
      title={end ? `结束：${target?.label ?? ''}` : `撤回：${target?.label ?? ''}`}
      okText={end ? '结束' : '撤回'}
      cancelText="取消"
      confirmLoading={write.isPending}
      onOk={submit}
      onCancel={() => {
        form.resetFields();
        setAlert(null);
        onDone();
      }}
      destroyOnHidden
    >
      {alert && <Alert type="error" showIcon message={alert} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" preserve={false}>
        {end ? (
          <Form.Item
            name="on"
            label="结束日期"
            extra="任职或挂钩到这一天为止（含当天）。"
            rules={[{ required: true, message: '请选择结束日期' }]}
          >
            <DatePicker style={{ width: 200 }} />
          </Form.Item>
        ) : (
          <Form.Item
            name="reason"
            label="撤回原因"
            extra="撤回用于录入错误的记录；撤回后仍保留在历史中，并标明原因。"
            rules={[{ required: true, whitespace: true, message: '请填写撤回原因' }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
