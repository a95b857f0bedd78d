// 警示通知书 (四(三)2): the year's notices with their status and deadline lights, searched by unit,
// status and deadline range and paged by the server (the search in the address); the office
// issues a notice; a notice opens in a drawer (?notice=ID) with its correction, verification,
// the printable notice and the unit's escalation timeline.

import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useShell } from '../../app/context.ts';
import { PageLoading } from '../../app/PageLoading.tsx';
import { Refusal } from '../../app/Refusal.tsx';
import { fpYearLabel, proseDate } from '../../lib/format.ts';
import { withParams } from '../../lib/params.ts';
import { opensOnClick } from '../../lib/rows.ts';
import { SearchButtons } from '../../lib/SearchButtons.tsx';
import { can } from '../../session/session.ts';
import { useNotices, useUnits } from './api.ts';
import { noticeColumns } from './columns.tsx';
import { IssueModal } from './IssueModal.tsx';
import { NoticeDrawer } from './NoticeDrawer.tsx';
import { type NoticeSearch, PAGE_SIZE, STATUS_OPTIONS, searchOf, withSearch } from './search.ts';

const ISSUE = 'POST /api/v1/counties/:county/warning-notices';

interface SearchFields {
  unit?: string;
  status?: NoticeSearch['status'];
  range?: [Dayjs | null, Dayjs | null] | null;
}

export default function NoticesPage() {
  const { session, county, year } = useShell();
  if (county === null) return null;
  return <Notices county={county} year={year} mayIssue={can(session, ISSUE)} />;
}

function Notices({ county, year, mayIssue }: { county: string; year: number; mayIssue: boolean }) {
  const [params, setParams] = useSearchParams();
  const search = searchOf(params);
  const notices = useNotices(county, year, search);
  const units = useUnits(county);
  const [issuing, setIssuing] = useState(false);
  const [form] = Form.useForm<SearchFields>();
  const open = params.get('notice');
  const setOpen = (id: string | null) => setParams((p) => withParams(p, { notice: id }));
  const go = (s: NoticeSearch) => setParams((p) => withSearch(p, s));

  if (notices.isPending) return <PageLoading />;
  if (notices.error && !notices.data) return <Refusal error={notices.error} />;
  const page = notices.data!;
  const unitOptions = (units.data ?? []).map((u) => ({ value: u.id, label: u.name }));

  return (
    <div>
      <Typography.Title level={3} className="page-title" style={{ marginTop: 0, marginBottom: 4 }}>
        警示通知书
      </Typography.Title>
      <Typography.Text type="secondary" className="page-sub">
        {fpYearLabel(year)}　今天是{proseDate(page.on)}
        。整改期限前3天起显示“即将到期”，过期显示“已逾期”（四（三）2）。
      </Typography.Text>
      <Card size="small" style={{ marginTop: 12, marginBottom: 12 }}>
        <Form<SearchFields>
          form={form}
          layout="inline"
          name="search"
          aria-label="查询警示通知书"
          initialValues={{
            unit: search.unit,
            status: search.status,
            range:
              search.from || search.to
                ? [search.from ? dayjs(search.from) : null, search.to ? dayjs(search.to) : null]
                : null,
          }}
          onFinish={(v) =>
            go({
              page: 1,
              ...(v.unit && { unit: v.unit }),
              ...(v.status && { status: v.status }),
              ...(v.range?.[0] && { from: v.range[0].format('YYYY-MM-DD') }),
              ...(v.range?.[1] && { to: v.range[1].format('YYYY-MM-DD') }),
            })
          }
        >
          <Form.Item label="单位" name="unit">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder="全部单位"
              options={unitOptions}
              style={{ width: 180 }}
            />
          </Form.Item>
          <Form.Item label="状态" name="status">
            <Select
              allowClear
              placeholder="全部状态"
              options={STATUS_OPTIONS.map((s) => ({ value: s.value, label: s.label }))}
              style={{ width: 180 }}
            />
          </Form.Item>
          <Form.Item label="整改期限" name="range">
            <DatePicker.RangePicker
              aria-label="整改期限"
              placeholder={['开始日期', '结束日期']}
              allowEmpty={[true, true]}
              style={{ width: 250 }}
            />
          </Form.Item>
          <SearchButtons
            onReset={() => {
              form.setFieldsValue({ unit: undefined, status: undefined, range: undefined });
              go({ page: 1 });
            }}
          />
        </Form>
      </Card>
      <Card
        size="small"
        title={`共 ${page.total} 份`}
        extra={
          mayIssue && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>
              下发警示通知书
            </Button>
          )
        }
      >
        <Table
          size="small"
          rowKey="id"
          loading={notices.isFetching}
          columns={noticeColumns}
          dataSource={page.items}
          onRow={(n) => opensOnClick(() => setOpen(n.id), `警示通知书 ${n.id} ${n.unit.name}`)}
          pagination={{
            current: search.page,
            pageSize: PAGE_SIZE,
            total: page.total,
            showSizeChanger: false,
            showTotal: (t) => `共 ${t} 份`,
            onChange: (p) => go({ ...search, page: p }),
          }}
          locale={{ emptyText: '没有符合条件的警示通知书' }}
        />
      </Card>
      {issuing && (
        <IssueModal
          county={county}
          units={units.data ?? []}
          nextId={page.next_id}
          today={page.on}
          onClose={(id) => {
            setIssuing(false);
            if (id) setOpen(id);
          }}
        />
      )}
      <NoticeDrawer county={county} year={year} id={open} today={page.on} onClose={() => setOpen(null)} />
    </div>
  );
}
