// The office's review of a submitted roster: return it with reasons (one per line), or accept it
// (its posts and links become the year's). Both name the version reviewed: if the unit has
// submitted again meanwhile the server refuses (409) and the screen offers to reload.

import { RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { ApiError, problemsToFields } from '../../api/errors.ts';
import { useRosterActions } from './api.ts';
import { reasonsOf } from './summary.ts';

export function ReviewActions({
  county,
  year,
  unit,
  version,
  canReturn,
  canAccept,
}: {
  county: string;
  year: number;
  unit: string;
  version: number;
  canReturn: boolean;
  canAccept: boolean;
}) {
  const { message, modal } = App.useApp();
  const { returnIt, accept } = useRosterActions(county, year, unit);
  const [open, setOpen] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [form] = Form.useForm<{ reasons: string }>();

  const confirmAccept = () =>
    modal.confirm({
      title: `接受第 ${version} 版名单？`,
      content: '接受后，本单位本年度的职务和挂钩关系即按名单更新（见“与现有数据比较”）。',
      okText: '接受',
      cancelText: '取消',
      onOk: () =>
        accept.mutateAsync(version).then((r) => {
          const c = r.changes;
          message.success(
            `已接受。新增 ${c.created} 条，修改 ${c.updated} 条，终止 ${c.closed} 条，撤销 ${c.retracted} 条，新增人员 ${c.people_created} 人。`,
          );
        }),
    });

  const submitReturn = (v: { reasons: string }) =>
    returnIt.mutate(
      { reasons: reasonsOf(v.reasons ?? ''), version },
      {
        onSuccess: () => {
          setOpen(false);
          form.resetFields();
          message.success('已退回，单位修改后可重新上报');
        },
        onError: (e) => {
          if (!(e instanceof ApiError)) return;
          // Changed meanwhile: the screen offers to reload (query.ts); the reasons are typed again.
          if (e.status === 409) return setOpen(false);
          const { fields, other } = problemsToFields(e.problems, ['reasons']);
          form.setFields(fields.map((f) => ({ ...f, name: ['reasons'] })));
          setAlert(other.length ? other.map((p) => p.zh).join('；') : null);
        },
      },
    );

  return (
    <>
      <Space>
        {canReturn && (
          <Button icon={<RollbackOutlined />} onClick={() => setOpen(true)}>
            退回
          </Button>
        )}
        {canAccept && (
          <Button type="primary" onClick={confirmAccept} loading={accept.isPending}>
            接受
          </Button>
        )}
      </Space>
      <Modal
        open={open}
        title={`退回第 ${version} 版名单`}
        okText="退回"
        cancelText="取消"
        okButtonProps={{ loading: returnIt.isPending }}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {alert && <Alert type="error" showIcon message={alert} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={submitReturn}>
          <Form.Item
            name="reasons"
            label="退回原因（每行一条）"
            rules={[{ required: true, whitespace: true, message: '请填写退回原因' }]}
          >
            <Input.TextArea rows={4} placeholder="例如：桥头村驻村干部未填写" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
