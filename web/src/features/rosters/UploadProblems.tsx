// What a refused upload says: one line (how many problems and what became of the file), then every
// problem by sheet and cell. The roster upload and the score sheet import show it the same way.

import { Alert, Table } from 'antd';
import type { ApiError } from '../../api/errors.ts';
import { problemColumns } from './columns.tsx';
import { cellProblems } from './summary.ts';

export function UploadProblems(props: {
  error: ApiError;
  /** What the file's problems meant, after “文件中有 N 处问题，”. */
  outcome: string;
  testId: string;
}) {
  const { error, outcome, testId } = props;
  const problems = cellProblems(error.problems);
  return (
    <div style={{ marginTop: 16 }} data-testid={testId}>
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 8 }}
        message={problems.length ? `文件中有 ${error.problems.length} 处问题，${outcome}` : error.zh}
      />
      {problems.length > 0 && (
        <Table
          size="small"
          rowKey="key"
          columns={problemColumns}
          dataSource={problems}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        />
      )}
    </div>
  );
}
