// Creates or edits a person, post, link or category through the facts routes. The server checks
// the fact as the engine would; its problems are shown on the fields they name.

import { useQuery } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { api, data } from '../../api/client.ts';
import { ApiError, problemsToFields } from '../../api/errors.ts';
import { categoryZh } from '../../lib/labels.ts';
import { postOptions, useVocabulary, wordOptions } from '../../lib/vocabulary.ts';
import { type Seg, usePeople, useTree, useWrite } from './api.ts';
import { FIELD_LABEL, type Field, fieldsOf, toBody, toValues } from './forms.ts';

export interface FormTarget {
  seg: Seg;
  /** Editing this fact; absent: a new one. */
  id?: string;
  /** Values a new fact starts with (the unit whose drawer it was opened from). */
  preset?: Record<string, string>;
}

const TITLE: Record<Seg, string> = {
  people: '人员',
  posts: '职务',
  links: '挂钩关系',
  categories: '类别',
  units: '单位',
};
const DATES = new Set<Field>(['from', 'to']);

function useFact(county: string, target: FormTarget | null) {
  return useQuery({
    queryKey: ['registry', 'fact', county, target?.seg, target?.id],
    enabled: target?.id !== undefined,
    queryFn: () =>
      data(
        api.GET(`/api/v1/counties/{county}/${target!.seg}/{id}` as '/api/v1/counties/{county}/posts/{id}', {
          params: { path: { county, id: target!.id! } },
        }),
      ) as Promise<Record<string, unknown>>,
  });
}

export function FactFormModal({
  county,
  asOf,
  target,
  onDone,
}: {
  county: string;
  asOf: string;
  target: FormTarget | null;
  onDone: () => void;
}) {
  const [form] = Form.useForm();
  const [alert, setAlert] = useState<string | null>(null);
  const [personQuery, setPersonQuery] = useState('');
  const write = useWrite();
  const fact = useFact(county, target);
  const words = useVocabulary(county);
  const tree = useTree(county, asOf);
  const people = usePeople(county, asOf, { q: personQuery, page: 1, pageSize: 20, includeRetracted: false });
  const kind = Form.useWatch('kind', form) as string | undefined;
  const unitId = Form.useWatch('unit', form) as string | undefined;
  const seg = target?.seg ?? 'posts';
  const fields = fieldsOf(seg, kind ?? target?.preset?.kind);
  const units = tree.data?.units ?? [];
  const unitKind = units.find((u) => u.id === unitId)?.kind;

  useEffect(() => {
    if (!target) return;
    const start = target.id ? (fact.data ? toValues(target.seg, fact.data) : null) : (target.preset ?? {});
    if (!start) return;
    form.setFieldsValue(
      Object.fromEntries(
        Object.entries(start).map(([k, v]) => [
          k,
          DATES.has(k as Field) && typeof v === 'string' ? dayjs(v) : v,
        ]),
      ),
    );
  }, [target, fact.data, form]);

  const close = () => {
    form.resetFields();
    setAlert(null);
    onDone();
  };
  const submit = async () => {
    if (!target) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return; // the form shows what is missing
    setAlert(null);
    write.mutate(
      {
        county,
        seg: target.seg,
        op: target.id ? 'update' : 'create',
        id: target.id,
        body: toBody(target.seg, values, !!target.id),
      },
      {
        onSuccess: close,
        onError: (e) => {
          if (!(e instanceof ApiError)) return;
          const { fields: f, other } = problemsToFields(e.problems, fields);
          form.setFields(f as never);
          setAlert(other.length ? other.map((p) => p.zh).join('；') : f.length ? null : e.zh);
        },
      },
    );
  };

  const unitOptions = (kinds: string[]) =>
    units
      .filter((u) => kinds.includes(u.kind))
      .map((u) => ({ value: u.id, label: `${u.name}（${u.kind_zh}）` }));
  const personOptions = [
    ...(people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.id}）` })),
    ...(fact.data?.person && !people.data?.items.some((p) => p.id === fact.data?.person)
      ? [{ value: String(fact.data.person), label: String(fact.data.person) }]
      : []),
  ];
  const input = (f: Field) => {
    const label = FIELD_LABEL[f];
    switch (f) {
      case 'person':
        return (
          <Select
            showSearch
            aria-label={label}
            filterOption={false}
            onSearch={setPersonQuery}
            options={personOptions}
            placeholder="输入姓名查找"
          />
        );
      case 'unit':
        return (
          <Select
            showSearch
            aria-label={label}
            optionFilterProp="label"
            options={unitOptions(
              seg === 'links'
                ? ['county_unit']
                : seg === 'categories'
                  ? ['town', 'village', 'county_unit']
                  : ['county', 'town', 'village', 'county_unit'],
            )}
          />
        );
      case 'village':
        return (
          <Select showSearch aria-label={label} optionFilterProp="label" options={unitOptions(['village'])} />
        );
      case 'town':
        return (
          <Select showSearch aria-label={label} optionFilterProp="label" options={unitOptions(['town'])} />
        );
      case 'role':
        return (
          <Select
            aria-label={label}
            options={postOptions(words, unitKind)}
            placeholder={unitKind ? undefined : '先选择单位'}
          />
        );
      case 'kind':
        return (
          <Select
            aria-label={label}
            options={wordOptions(words, 'link_kinds')}
            disabled={target?.id !== undefined}
          />
        );
      case 'staff_type':
        return <Select aria-label={label} options={wordOptions(words, 'staff_types')} allowClear />;
      case 'from':
      case 'to':
        return <DatePicker style={{ width: 200 }} />;
      case 'fp_year':
        return <InputNumber min={1900} max={2200} style={{ width: 200 }} />;
      case 'category':
        return (
          <Select
            aria-label={label}
            options={[1, 2, 3, 4, 5, 6].map((c) => ({ value: c, label: categoryZh(c) }))}
          />
        );
      default:
        return <Input disabled={f === 'id' && target?.id !== undefined} maxLength={100} />;
    }
  };
  const required = (f: Field) => !['from', 'to', 'staff_type'].includes(f);

  return (
    <Modal
      open={target !== null}
      title={`${target?.id ? '修改' : '新增'}${TITLE[seg]}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={write.isPending}
      onOk={submit}
      onCancel={close}
      destroyOnHidden
      width={560}
    >
      {alert && <Alert type="error" showIcon message={alert} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" preserve={false}>
        {fields.map((f) => (
          <Form.Item
            key={f}
            name={f}
            label={FIELD_LABEL[f]}
            rules={required(f) ? [{ required: true, message: `请填写${FIELD_LABEL[f]}` }] : []}
          >
            {input(f)}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
