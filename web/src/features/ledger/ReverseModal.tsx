// Reversing an entry made by mistake: a correcting entry with its reason (nothing is edited).
// Like every money form it carries one idempotency key from the moment it opens.

import { Alert, Descriptions, Form, Input, Modal, message } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError, problemsToFields } from '../../api/errors.ts';
import { proseDate, yuanWithCapital } from '../../lib/format.ts';
import { type LedgerEntry, useReverse } from './api.ts';
import { newIdempotencyKey } from './moves.ts';

export function ReverseModal({ entry, onClose }: { entry: LedgerEntry; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const key = useMemo(() => newIdempotencyKey(), []);
  const [alert, setAlert] = useState<string | null>(null);
  const send = useReverse();
  return (
    <Modal
      open
      title={`冲正：${entry.kind_zh}`}
      okText="确认冲正"
      cancelText="取消"
      okButtonProps={{ danger: true, loading: send.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        message="冲正记一笔反向分录，原分录保留。请写明理由。"
        style={{ marginBottom: 12 }}
      />
      {alert && <Alert type="error" showIcon message={alert} style={{ marginBottom: 12 }} />}
      <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="原分录">
          {entry.kind_zh}　{proseDate(entry.on_date)}
        </Descriptions.Item>
        <Descriptions.Item label="金额">{yuanWithCapital(entry.amount_fen)}</Descriptions.Item>
        {entry.receipt_no && <Descriptions.Item label="收据（凭证）号">{entry.receipt_no}</Descriptions.Item>}
      </Descriptions>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => {
          if (send.isPending) return;
          setAlert(null);
          send.mutate(
            { id: entry.id, key, reason: v.reason.trim() },
            {
              onSuccess: () => {
                message.success('已冲正');
                onClose();
              },
              onError: (e) => {
                if (!(e instanceof ApiError)) return;
                const { fields, other } = problemsToFields(e.problems, ['reason']);
                form.setFields(fields as never);
                setAlert([e.zh, ...other.map((p) => p.zh)].join('；'));
              },
            },
          );
        }}
      >
        <Form.Item
          name="reason"
          label="冲正理由"
          rules={[{ required: true, whitespace: true, message: '请写明冲正理由' }]}
        >
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
