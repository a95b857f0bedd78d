// A move of money on one obligation, in two steps: the form (amount in 元, receipt or voucher
// number, date, note), then what is about to be recorded with the amount in 元 and 金额大写,
// sent only on 确认提交. The idempotency key is made when the form opens and kept through every
// retry, so a double click or a repeated request records the move once.

import { Alert, Button, DatePicker, Descriptions, Form, Input, Modal, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { ApiError, problemsToFields } from '../../api/errors.ts';
import { proseDate, yuanWithCapital } from '../../lib/format.ts';
import { type Obligation, useMove } from './api.ts';
import { fenOfYuan, formProblems, type MoveSpec, moveBody, newIdempotencyKey, yuanInput } from './moves.ts';

interface Fields {
  amount: string;
  number?: string;
  on?: Dayjs;
  note?: string;
}

export function MoveModal({ o, move, onClose }: { o: Obligation; move: MoveSpec; onClose: () => void }) {
  const [form] = Form.useForm<Fields>();
  // One key per opening of the form: the modal is mounted anew each time it opens.
  const key = useMemo(() => newIdempotencyKey(), []);
  const [review, setReview] = useState<Fields | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const send = useMove();
  const limit = move.limit(o);

  const submit = () => {
    if (!review || send.isPending) return;
    setAlert(null);
    const body = moveBody({
      amount: review.amount,
      ...(review.number && { number: review.number }),
      ...(review.on && { on: review.on.format('YYYY-MM-DD') }),
      ...(review.note && { note: review.note }),
    });
    send.mutate(
      { id: o.id, path: move.path, key, body },
      {
        onSuccess: () => {
          message.success(`已记录：${move.label} ${yuanWithCapital(body.amount_fen)}`);
          onClose();
        },
        onError: (e) => {
          if (!(e instanceof ApiError)) return;
          const { fields, other } = problemsToFields(formProblems(e.problems), [
            'amount',
            'number',
            'on',
            'note',
          ]);
          setReview(null);
          form.setFields(fields as never);
          setAlert([e.zh, ...other.map((p) => p.zh)].filter(Boolean).join('；'));
        },
      },
    );
  };

  const fen = review ? fenOfYuan(review.amount) : null;
  return (
    <Modal
      open
      title={`${move.label}：${o.subject.name}`}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      footer={
        review ? (
          <>
            <Button onClick={() => setReview(null)} disabled={send.isPending}>
              返回修改
            </Button>
            <Button type="primary" onClick={submit} loading={send.isPending}>
              确认提交
            </Button>
          </>
        ) : (
          <>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" onClick={() => form.submit()}>
              下一步
            </Button>
          </>
        )
      }
    >
      {alert && <Alert type="error" showIcon message={alert} style={{ marginBottom: 12 }} />}
      {review && fen !== null && (
        <div>
          <Alert
            type="warning"
            showIcon
            message={`请核对后提交：${move.says}。`}
            style={{ marginBottom: 12 }}
          />
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="对象">{o.subject.name}</Descriptions.Item>
            <Descriptions.Item label="依据条款">{o.clause_label}</Descriptions.Item>
            <Descriptions.Item label="金额">
              <strong data-testid="confirm-amount">{yuanWithCapital(fen)}</strong>
            </Descriptions.Item>
            {move.number && (
              <Descriptions.Item label={move.number.label}>{review.number || '（未填）'}</Descriptions.Item>
            )}
            <Descriptions.Item label="日期">
              {proseDate(review.on ? review.on.format('YYYY-MM-DD') : o.on)}
            </Descriptions.Item>
            {review.note && <Descriptions.Item label="说明">{review.note}</Descriptions.Item>}
          </Descriptions>
        </div>
      )}
      {/* Kept mounted while reviewing, so 返回修改 finds the form as it was left. */}
      <div hidden={review !== null}>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ amount: yuanInput(limit), on: dayjs(o.on) }}
          onFinish={(v) => {
            setAlert(null);
            setReview(v);
          }}
        >
          <Form.Item
            name="amount"
            label="金额（元）"
            extra={`至多 ${yuanWithCapital(limit)}`}
            rules={[
              { required: true, message: '请填写金额' },
              {
                validator: (_, v) => {
                  const f = fenOfYuan(v);
                  if (f === null) return Promise.reject(new Error('金额应为正数，最多两位小数（元）'));
                  if (f > limit) return Promise.reject(new Error(`不能超过 ${yuanWithCapital(limit)}`));
                  return Promise.resolve();
                },
              },
            ]}
          >
            <Input inputMode="decimal" suffix="元" autoComplete="off" />
          </Form.Item>
          {move.number && (
            <Form.Item
              name="number"
              label={move.number.label}
              rules={[
                { required: move.number.required, whitespace: true, message: `请填写${move.number.label}` },
              ]}
            >
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
          )}
          <Form.Item name="on" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => d.format('YYYY-MM-DD') > o.on}
              allowClear={false}
            />
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
