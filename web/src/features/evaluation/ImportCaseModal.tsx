// 导入年度案例: the office imports a whole year (zeren-case/1, JSON or YAML, as `zeren case export`
// writes it or the county's own tools produce it). The stored year becomes exactly the case; an
// invalid case stores nothing and every problem is listed with its place in the case.

import { Alert, Button, Descriptions, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { fpYearLabel } from '../../lib/format.ts';
import { useImportCase } from './api.ts';
import { type CaseText, parseCaseText } from './case-file.ts';

const COUNTS: readonly [string, string][] = [
  ['inserted', '新增'],
  ['updated', '修改'],
  ['restored', '恢复'],
  ['closed', '截止'],
  ['retracted', '撤回'],
  ['changes', '合计变动'],
];

export function ImportCaseModal(props: { county: string; year: number; open: boolean; onClose: () => void }) {
  const { county, year, open, onClose } = props;
  const save = useImportCase(county, year);
  const [file, setFile] = useState<CaseText | null>(null);
  const problems = save.error instanceof ApiError ? save.error.problems : [];
  const close = () => {
    setFile(null);
    save.reset();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={`导入年度案例（${fpYearLabel(year)}）`}
      onCancel={close}
      width={760}
      footer={[
        <Button key="close" onClick={close}>
          关闭
        </Button>,
        <Button
          key="import"
          type="primary"
          disabled={!file || 'error' in file || save.isSuccess}
          loading={save.isPending}
          onClick={() => file && 'value' in file && save.mutate(file.value)}
        >
          导入
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        导入后，本年度存档的事实与案例完全一致：案例未列的事实予以撤回或截止（留有记录），同一案例再次导入不产生变动。案例有误时不保存任何内容。
      </Typography.Paragraph>
      <Upload
        accept=".json,.yaml,.yml"
        maxCount={1}
        showUploadList={false}
        beforeUpload={async (f) => {
          save.reset();
          setFile(await parseCaseText(f.name, await f.text()));
          return false;
        }}
      >
        <Button>选择案例文件（JSON 或 YAML）</Button>
      </Upload>
      {file && <Typography.Paragraph style={{ marginTop: 12 }}>已选择：{file.name}</Typography.Paragraph>}
      {file && 'error' in file && <Alert type="error" showIcon message={file.error} />}
      {save.isSuccess && (
        <Descriptions
          size="small"
          bordered
          column={3}
          title={save.data.changes === 0 ? '已导入：本年度已与案例一致，没有变动。' : '已导入。'}
          items={COUNTS.map(([k, label]) => ({
            key: k,
            label,
            children: String((save.data as unknown as Record<string, number>)[k] ?? 0),
          }))}
        />
      )}
      {save.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={save.error instanceof ApiError ? save.error.zh : '导入失败'}
        />
      )}
      {problems.length > 0 && (
        <Table
          size="small"
          rowKey={(p, i) => `${p.path}-${i}`}
          pagination={{ pageSize: 8 }}
          dataSource={problems}
          columns={[
            { title: '位置', dataIndex: 'path', width: 220 },
            { title: '问题', dataIndex: 'zh' },
          ]}
        />
      )}
    </Modal>
  );
}
