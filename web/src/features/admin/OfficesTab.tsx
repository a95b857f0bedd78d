// 发文机关: the county's issuing offices as documents print them (name, 发文机关标志, 机关代字,
// letterhead and fonts); each office sets its own, the rest read them.

import { Alert, Button, Descriptions, Form, Input, Modal, Radio, Space } from 'antd';
import { useState } from 'react';
import { useShell } from '../../app/context.ts';
import { Refusal } from '../../app/Refusal.tsx';
import { type Office, type OfficeBody, useOffices, useSetOffice } from './api.ts';
import { showProblems } from './formErrors.ts';

const LETTERHEAD_ZH = { print: '打印红色版头', preprinted: '使用印好的红头纸' } as const;
const FONTS_ZH = { gb: '方正小标宋简体、仿宋_GB2312', system: '宋体、仿宋（系统字体）' } as const;

export function OfficesTab() {
  const { county } = useShell();
  const offices = useOffices(county, true);
  const set = useSetOffice(county);
  const [editing, setEditing] = useState<Office | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [form] = Form.useForm<OfficeBody>();
  if (offices.error) return <Refusal error={offices.error} />;
  const submit = async (v: OfficeBody) => {
    try {
      await set.mutateAsync({ ...v, office: editing!.id });
      setEditing(null);
    } catch (e) {
      showProblems(e, form, ['name', 'mark', 'code', 'letterhead', 'fonts'], setAlert);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {(offices.data?.items ?? []).map((o) => (
        <Descriptions
          key={o.id}
          bordered
          size="small"
          column={2}
          title={`${o.name_zh}${o.configured ? '' : '（尚未设置，以下为默认）'}`}
          extra={
            o.editable && (
              <Button
                onClick={() => {
                  setAlert(null);
                  form.setFieldsValue(o);
                  setEditing(o);
                }}
              >
                设置本机关
              </Button>
            )
          }
        >
          <Descriptions.Item label="机关全称">{o.name}</Descriptions.Item>
          <Descriptions.Item label="机关代字">{o.code}</Descriptions.Item>
          <Descriptions.Item label="发文机关标志">{o.mark}</Descriptions.Item>
          <Descriptions.Item label="版头">{LETTERHEAD_ZH[o.letterhead]}</Descriptions.Item>
          <Descriptions.Item label="字体" span={2}>
            {FONTS_ZH[o.fonts]}
          </Descriptions.Item>
        </Descriptions>
      ))}
      <Modal
        open={editing !== null}
        title={`设置发文机关：${editing?.name_zh ?? ''}`}
        okText="保存"
        cancelText="取消"
        onOk={() => form.submit()}
        confirmLoading={set.isPending}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        {alert && <Alert type="error" showIcon message={alert} style={{ marginBottom: 12 }} />}
        <Form form={form} name="office-form" layout="vertical" onFinish={submit}>
          <Form.Item name="name" label="机关全称" rules={[{ required: true, message: '请填写机关全称' }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="mark"
            label="发文机关标志"
            rules={[{ required: true, message: '请填写发文机关标志' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="code" label="机关代字" rules={[{ required: true, message: '请填写机关代字' }]}>
            <Input placeholder="例如 清人考" />
          </Form.Item>
          <Form.Item name="letterhead" label="版头">
            <Radio.Group
              options={Object.entries(LETTERHEAD_ZH).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="fonts" label="字体">
            <Radio.Group options={Object.entries(FONTS_ZH).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
