// The trail's search form: who, from and to (days), what action, what kind of object and which
// one, and the place (a town takes its villages); an administrator of every county also picks the
// county. Its values live in the address (filters.ts).

import { Col, DatePicker, Form, Input, Row, Select, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { knownActions, OBJECT_TYPE_ZH } from '../../../../src/domain/audit-labels.ts';
import { useShell } from '../../app/context.ts';
import { SearchButtons } from '../../lib/SearchButtons.tsx';
import { can } from '../../session/session.ts';
import { useActors, useCounties, usePlaces } from './api.ts';
import type { AuditSearch } from './filters.ts';

interface Values extends Omit<AuditSearch, 'from' | 'to'> {
  from?: Dayjs | null;
  to?: Dayjs | null;
}

const ACTIONS = knownActions().map((a) => ({ value: a.code, label: a.zh }));
const OBJECT_TYPES = Object.entries(OBJECT_TYPE_ZH)
  .filter(([k]) => k !== 'unit')
  .map(([value, label]) => ({ value, label }));

export function SearchForm({ value, onSearch }: { value: AuditSearch; onSearch: (s: AuditSearch) => void }) {
  const { session, county } = useShell();
  const [form] = Form.useForm<Values>();
  const actors = useActors();
  const placeCounty = county ?? value.county ?? null;
  const places = usePlaces(placeCounty, can(session, 'GET /api/v1/counties/:county/places'));
  const counties = useCounties(county === null);
  useEffect(() => {
    form.setFieldsValue({
      ...value,
      from: value.from ? dayjs(value.from) : null,
      to: value.to ? dayjs(value.to) : null,
    });
  }, [form, value]);
  const submit = (v: Values) =>
    onSearch({
      ...v,
      from: v.from ? v.from.format('YYYY-MM-DD') : '',
      to: v.to ? v.to.format('YYYY-MM-DD') : '',
    });
  const tree = places.data
    ? [
        ...places.data.towns.map((t) => ({
          value: t.id,
          title: `${t.name}（含所辖村）`,
          children: t.villages.map((v) => ({ value: v.id, title: v.name })),
        })),
        ...places.data.county_units.map((u) => ({ value: u.id, title: u.name })),
      ]
    : [];
  return (
    <Form form={form} name="audit-search" layout="vertical" onFinish={submit} className="search-form">
      <Row gutter={16}>
        {county === null && (
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="county" label="县">
              <Select
                allowClear
                placeholder="全部县"
                options={(counties.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12} xl={6}>
          <Form.Item name="actor" label="操作人">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder="全部"
              loading={actors.isPending}
              options={(actors.data?.items ?? []).map((a) => ({
                value: a.actor,
                label: `${a.actor_name ?? a.actor}（${a.actor_role_zh}）`,
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Form.Item name="from" label="起始日期">
            <DatePicker style={{ width: '100%' }} placeholder="不限" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Form.Item name="to" label="截止日期">
            <DatePicker style={{ width: '100%' }} placeholder="不限" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name="action" label="操作">
            <Select allowClear showSearch optionFilterProp="label" placeholder="全部" options={ACTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name="object_type" label="对象类别">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder="全部"
              options={OBJECT_TYPES}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name="object_id" label="对象编号">
            <Input allowClear placeholder="例如 JS-2010-001" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name="unit" label="所属单位">
            {places.data ? (
              <TreeSelect
                allowClear
                showSearch
                treeNodeFilterProp="title"
                placeholder="全部"
                treeData={tree}
                treeDefaultExpandAll={false}
              />
            ) : (
              <Input allowClear placeholder="单位编号" />
            )}
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6} style={{ display: 'flex', alignItems: 'flex-end' }}>
          <SearchButtons
            onReset={() => {
              form.resetFields();
              onSearch({});
            }}
          />
        </Col>
      </Row>
    </Form>
  );
}
