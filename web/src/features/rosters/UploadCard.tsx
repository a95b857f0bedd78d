// Download the template, upload the filled workbook. A file with problems comes back with every
// problem against its sheet and cell (名单!C5), shown in a table, and nothing is stored; a clean
// file is submitted as the unit's roster.

import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Typography, Upload } from 'antd';
import { ApiError } from '../../api/errors.ts';
import { templateUrl, useRosterActions } from './api.ts';
import { UploadProblems } from './UploadProblems.tsx';

export function UploadCard({
  county,
  year,
  unit,
  canUpload,
  onSubmitted,
}: {
  county: string;
  year: number;
  unit: string;
  canUpload: boolean;
  onSubmitted: () => void;
}) {
  const { message } = App.useApp();
  const { upload } = useRosterActions(county, year, unit);
  const error = upload.error instanceof ApiError ? upload.error : null;
  return (
    <Card title="填写与上报" size="small" style={{ marginBottom: 16 }}>
      <Typography.Paragraph>
        下载本单位的 Excel
        模板（已填入现有的职务和挂钩关系），按实际情况修改后上传。上传的文件没有问题即作为本单位的名单上报；有问题时逐一列出所在的工作表和单元格，不保存任何内容。
      </Typography.Paragraph>
      <Space wrap>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => {
            // The server sends it as an attachment: the browser saves it and stays on the page.
            window.location.assign(templateUrl(county, year, unit));
          }}
        >
          下载模板
        </Button>
        {canUpload && (
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            maxCount={1}
            beforeUpload={(file) => {
              upload.mutate(file, {
                onSuccess: (r) => {
                  message.success(`已上报第 ${r.version} 版名单，等待县人口考核办审核`);
                  onSubmitted();
                },
              });
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending}>
              上传填好的名单
            </Button>
          </Upload>
        )}
      </Space>
      {error && (
        <UploadProblems
          error={error}
          outcome="名单未上报。请在模板中改正后重新上传。"
          testId="upload-problems"
        />
      )}
    </Card>
  );
}
