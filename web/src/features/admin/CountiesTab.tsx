// 县: the counties in the system, and (for an administrator of every county) a new one, following
// one of the policy packs shipped with the system.

import { Alert, Button, Form, Input, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { useShell } from '../../app/context.ts';
import { can } from '../../session/session.ts';
import { useCounties, useCreateCounty } from './api.ts';
import { showProblems } from './formErrors.ts';
import { TownPacksModal } from './TownPacksModal.tsx';

export function CountiesTab() {
  const { session } = useShell();
  const counties = useCounties();
  const create = useCreateCounty();
  const [open, setOpen] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [towns, setTowns] = useState<{ id: string; name: string } | null>(null);
  const mayTownPacks = can(session, 'PUT /api/v1/counties/:county/town-packs/:unit');
  const [form] = Form.useForm<{ id: string; name: string; policy?: string }>();
  const packs = counties.data?.packs ?? [];
  const title = (id: string) => packs.find((p) => p.id === id)?.title ?? id;
  const submit = async (v: { id: string; name: string; policy?: string }) => {
    try {
      await create.mutateAsync(v);
      setOpen(false);
    } catch (e) {
      showProblems(e, form, ['id', 'name', 'policy'], setAlert);
    }
  };
  return (
    <div>
      {can(session, 'POST /api/v1/counties') && (
        <Button
          type="primary"
          style={{ marginBottom: 16 }}
          onClick={() => {
            form.resetFields();
            setAlert(null);
            setOpen(true);
          }}
        >
          新建县
        </Button>
      )}
      <Table
        size="small"
        rowKey="id"
        loading={counties.isPending}
        dataSource={counties.data?.items ?? []}
        pagination={false}
        columns={[
          { title: '县', dataIndex: 'name' },
          { title: '编号', dataIndex: 'id', width: 180 },
          { title: '执行的政策', dataIndex: 'policy', render: (p: string) => `《${title(p)}》（${p}）` },
          ...(mayTownPacks
            ? [
                {
                  title: '镇级办法',
                  key: 'town-packs',
                  width: 110,
                  render: (_: unknown, c: { id: string; name: string }) => (
                    <Button
                      type="link"
                      size="small"
                      aria-label={`${c.name}的镇级办法`}
                      onClick={() => setTowns(c)}
                    >
                      查看、设定
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <TownPacksModal county={towns} onClose={() => setTowns(null)} />
      <Modal
        open={open}
        title="新建县"
        okText="创建"
        cancelText="取消"
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {alert && <Alert type="error" showIcon message={alert} style={{ marginBottom: 12 }} />}
        <Form form={form} name="county-form" layout="vertical" onFinish={submit}>
          <Form.Item
            name="id"
            label="编号"
            rules={[{ required: true, message: '请填写编号' }]}
            extra="2–40 个小写字母、数字或 -，创建后不能更改"
          >
            <Input placeholder="例如 qingshui" />
          </Form.Item>
          <Form.Item name="name" label="县名" rules={[{ required: true, message: '请填写县名' }]}>
            <Input placeholder="例如 清水县" />
          </Form.Item>
          <Form.Item name="policy" label="执行的政策" initialValue={packs[0]?.id}>
            <Select options={packs.map((p) => ({ value: p.id, label: `《${p.title}》` }))} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
