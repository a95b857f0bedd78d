// 调动提拔查询: "may this person be transferred or promoted on this day?" — the person found by
// name, the day picked; the answer lists every restriction in force with its dates and clause
// (freezes, award vetoes, appraisal caps) and the person's other recommendations. The person and
// the day are kept in the address (?tab=lookup&person=&on=).

import { Alert, Card, DatePicker, Form, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Refusal } from '../../app/Refusal.tsx';
import { FormSelect } from '../../lib/FormSelect.tsx';
import { todayInChina } from '../../lib/format.ts';
import { SearchButtons } from '../../lib/SearchButtons.tsx';
import { type Restrictions, usePeopleByName, useRestrictions } from './api.ts';
import { clauseText, period, verdict } from './helpers.ts';

interface Fields {
  person: string;
  on: Dayjs;
}

type Row = Restrictions['restrictions'][number];

export function LookupTab({ county }: { county: string }) {
  const [params, setParams] = useSearchParams();
  const person = params.get('person');
  const on = params.get('on');
  const [typed, setTyped] = useState('');
  const people = usePeopleByName(county, typed);
  const answer = useRestrictions(county, person, on);
  const options = (people.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.id}）` }));
  if (person && answer.data && !options.some((o) => o.value === person))
    options.unshift({ value: person, label: `${answer.data.person_name}（${person}）` });
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form<Fields>
          name="lookup"
          layout="inline"
          initialValues={{ person: person ?? undefined, on: dayjs(on ?? todayInChina()) }}
          onFinish={(v) =>
            setParams((p) => {
              const next = new URLSearchParams(p);
              next.set('tab', 'lookup');
              next.set('person', v.person);
              next.set('on', v.on.format('YYYY-MM-DD'));
              return next;
            })
          }
        >
          <Form.Item label="姓名" name="person" rules={[{ required: true, message: '请输入姓名并选择人员' }]}>
            <FormSelect
              showSearch
              filterOption={false}
              onSearch={setTyped}
              notFoundContent={typed.trim() ? (people.isFetching ? '查找中…' : '没有找到此人') : '请输入姓名'}
              placeholder="输入姓名查找"
              options={options}
              style={{ width: 240 }}
            />
          </Form.Item>
          <Form.Item label="日期" name="on" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: 160 }} />
          </Form.Item>
          <SearchButtons />
        </Form>
      </Card>
      {answer.error && <Refusal error={answer.error} />}
      {answer.data && <Answer r={answer.data} />}
    </>
  );
}

function Answer({ r }: { r: Restrictions }) {
  return (
    <Card size="small" title={`${r.person_name}在${r.on}的限制`}>
      <Alert
        type={r.may_transfer_or_promote ? 'success' : 'error'}
        showIcon
        message={r.may_transfer_or_promote ? '可以平级调动、提拔' : '不得平级调动、提拔'}
        description={verdict(r)}
        style={{ marginBottom: 12 }}
      />
      <Table<Row>
        size="small"
        rowKey={(x) => `${x.kind}|${x.clause}|${x.fp_year}|${x.action_id ?? ''}`}
        pagination={false}
        dataSource={r.restrictions}
        locale={{ emptyText: '这一天没有在限制期内的处理' }}
        columns={[
          { title: '限制', dataIndex: 'kind_zh' },
          { title: '依据条款', key: 'clause', width: 170, render: (_, x) => clauseText(x) },
          { title: '起止日期', key: 'period', width: 210, render: (_, x) => period(x) },
          {
            title: '影响调动提拔',
            key: 'blocks',
            width: 110,
            render: (_, x) =>
              x.blocks_transfer_or_promotion ? <Tag color="#a8071a">是</Tag> : <Tag>否</Tag>,
          },
          { title: '状态', dataIndex: 'status_zh', width: 120 },
        ]}
      />
      {r.other_actions.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          style={{ marginTop: 12 }}
          title={() => '其他处理建议'}
          pagination={false}
          dataSource={r.other_actions}
          columns={[
            { title: '处理建议', dataIndex: 'type_zh' },
            { title: '年度', dataIndex: 'fp_year', width: 80 },
            { title: '依据条款', key: 'clause', width: 170, render: (_, a) => clauseText(a) },
            { title: '决定情况', dataIndex: 'status_zh', width: 120 },
          ]}
        />
      )}
    </Card>
  );
}
