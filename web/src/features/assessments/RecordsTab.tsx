// The year's assessment outcomes: filtered by assessor (省 / 市 / 县) and subject, with the office's
// buttons to record one, change one and retract one (with a reason), and the score sheet import.

import { Button, Form, Input, Modal, Segmented, Space, Table } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageLoading } from '../../app/PageLoading.tsx';
import { Refusal } from '../../app/Refusal.tsx';
import { withParams } from '../../lib/params.ts';
import { AssessmentDrawer } from './AssessmentDrawer.tsx';
import { type Assessment, useAssessmentActions, type useYearAssessments } from './api.ts';
import { assessmentColumns } from './columns.tsx';
import { ScoresImport } from './ScoresImport.tsx';

const BY = [
  { value: '', label: '全部' },
  { value: 'province', label: '省考核' },
  { value: 'city', label: '市考核' },
  { value: 'county', label: '县考核' },
];

export function RecordsTab({
  county,
  year,
  query,
  canRecord,
  canImport,
}: {
  county: string;
  year: number;
  query: ReturnType<typeof useYearAssessments>;
  canRecord: boolean;
  canImport: boolean;
}) {
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<Assessment | null>(null);
  const [open, setOpen] = useState(false);
  const [retracting, setRetracting] = useState<Assessment | null>(null);
  const [reason, setReason] = useState('');
  const { retract } = useAssessmentActions(county, year);
  const by = params.get('by') ?? '';
  const q = params.get('q') ?? '';
  const set = (k: string, v: string) => setParams((p) => withParams(p, { [k]: v }));

  if (query.isPending) return <PageLoading />;
  if (query.error) return <Refusal error={query.error} />;
  const rows = query.data.items.filter(
    (a) => (!by || a.by === by) && (!q || a.subject_name.includes(q) || (a.town_name ?? '').includes(q)),
  );
  const columns = canRecord
    ? [
        ...assessmentColumns,
        {
          title: '操作',
          key: 'act',
          width: 120,
          render: (_: unknown, a: Assessment) => (
            <Space size={4}>
              <Button
                type="link"
                size="small"
                onClick={() => {
                  setEditing(a);
                  setOpen(true);
                }}
              >
                修改
              </Button>
              <Button type="link" size="small" onClick={() => setRetracting(a)}>
                撤销
              </Button>
            </Space>
          ),
        },
      ]
    : assessmentColumns;

  return (
    <div>
      {canImport && <ScoresImport county={county} year={year} />}
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Segmented aria-label="考核机关" value={by} options={BY} onChange={(v) => set('by', String(v))} />
          <Form
            layout="inline"
            onFinish={(v: { q?: string }) => set('q', v.q?.trim() ?? '')}
            initialValues={{ q }}
          >
            <Form.Item name="q" label="考核对象">
              <Input allowClear placeholder="单位或所属镇名称" style={{ width: 180 }} />
            </Form.Item>
            <Form.Item>
              <Button htmlType="submit">查询</Button>
            </Form.Item>
          </Form>
        </Space>
        {canRecord && (
          <Button
            type="primary"
            onClick={() => {
              setEditing(null);
              setOpen(true);
            }}
          >
            录入考核结果
          </Button>
        )}
      </Space>
      <Table
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 15, showSizeChanger: false, showTotal: (n) => `共 ${n} 条` }}
        locale={{ emptyText: '本年度尚无考核结果' }}
      />
      {canRecord && (
        <AssessmentDrawer
          county={county}
          year={year}
          units={query.data.units}
          editing={editing}
          open={open}
          onClose={() => setOpen(false)}
        />
      )}
      <Modal
        open={retracting !== null}
        title={`撤销 ${retracting?.subject_name ?? ''} 的${retracting?.by_zh ?? ''}${retracting?.kind_zh ?? ''}结果`}
        okText="撤销"
        cancelText="取消"
        okButtonProps={{ disabled: reason.trim() === '', loading: retract.isPending }}
        onCancel={() => setRetracting(null)}
        onOk={() =>
          retracting &&
          retract.mutate(
            { id: retracting.id, reason: reason.trim() },
            {
              onSuccess: () => {
                setRetracting(null);
                setReason('');
              },
            },
          )
        }
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label="撤销原因" required>
            <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
