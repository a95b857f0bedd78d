// 镇级办法 (七): which towns of a county follow which town pack, from an FP year on. The
// administrator adds a town's pack or removes it; every change is audited by the server.

import { Alert, Button, Form, InputNumber, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { FormSelect } from '../../lib/FormSelect.tsx';
import { type TownPacks, usePlaces, useSetTownPacks, useTownPacks } from './api.ts';
import { showProblems } from './formErrors.ts';

type Item = TownPacks['items'][number];
interface Values {
  town: string;
  pack: string;
  from_year: number;
}

export function TownPacksModal({
  county,
  onClose,
}: {
  county: { id: string; name: string } | null;
  onClose: () => void;
}) {
  const id = county?.id ?? null;
  const list = useTownPacks(id);
  const places = usePlaces(county?.id);
  const set = useSetTownPacks(id);
  const [form] = Form.useForm<Values>();
  const [alert, setAlert] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  const packs = list.data?.packs ?? [];
  /** The town's packs as they are, without `drop`, with `add`. */
  const packsOf = (town: string, drop?: string, add?: { pack: string; from_year: number }) => [
    ...items
      .filter((i) => i.town === town && i.pack !== drop && i.pack !== add?.pack)
      .map((i) => ({ pack: i.pack, from_year: i.from_year })),
    ...(add ? [add] : []),
  ];
  const submit = async (v: Values) => {
    try {
      await set.mutateAsync({
        town: v.town,
        packs: packsOf(v.town, undefined, { pack: v.pack, from_year: v.from_year }),
      });
      setAlert(null);
      form.resetFields();
    } catch (e) {
      showProblems(e, form, ['town', 'pack', 'from_year'], setAlert);
    }
  };
  const remove = async (i: Item) => {
    try {
      await set.mutateAsync({ town: i.town, packs: packsOf(i.town, i.pack) });
    } catch (e) {
      showProblems(e, form, [], setAlert);
    }
  };
  return (
    <Modal
      open={county !== null}
      title={`镇级办法：${county?.name ?? ''}`}
      footer={null}
      onCancel={onClose}
      width={760}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        镇自定的奖惩办法（县《实施意见》七）只适用于所设定的镇，在县的奖惩之外另行兑现，不改变县的奖惩。
      </Typography.Paragraph>
      {alert && <Alert type="error" showIcon message={alert} style={{ marginBottom: 12 }} />}
      <Table<Item>
        size="small"
        rowKey={(i) => `${i.town}/${i.pack}`}
        loading={list.isPending}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: '本县各镇尚未设定镇级办法' }}
        style={{ marginBottom: 16 }}
        columns={[
          { title: '镇（场）', dataIndex: 'town_name', width: 110 },
          { title: '办法', dataIndex: 'title' },
          { title: '起始年度', dataIndex: 'from_year', width: 90 },
          {
            title: '操作',
            key: 'remove',
            width: 80,
            render: (_: unknown, i) => (
              <Button
                type="link"
                size="small"
                aria-label={`移除${i.town_name}的${i.title}`}
                loading={set.isPending}
                onClick={() => remove(i)}
              >
                移除
              </Button>
            ),
          },
        ]}
      />
      <Form form={form} name="town-pack-form" layout="inline" onFinish={submit}>
        <Form.Item name="town" label="镇（场）" rules={[{ required: true, message: '请选择镇' }]}>
          <FormSelect
            style={{ width: 130 }}
            showSearch
            optionFilterProp="label"
            options={(places.data?.towns ?? []).map((t) => ({ value: t.id, label: t.name }))}
          />
        </Form.Item>
        <Form.Item name="pack" label="办法" rules={[{ required: true, message: '请选择办法' }]}>
          <FormSelect
            style={{ width: 220 }}
            options={packs.map((p) => ({ value: p.id, label: p.title }))}
            onChange={(p: string) =>
              form.setFieldValue('from_year', packs.find((x) => x.id === p)?.first_fp_year)
            }
          />
        </Form.Item>
        <Form.Item name="from_year" label="起始年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber style={{ width: 90 }} min={1900} max={2200} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={set.isPending}>
            设定
          </Button>
        </Form.Item>
      </Form>
    </Modal>
  );
}
