// The county's scores from Excel: download the score sheet (prefilled with the year's county
// assessments), upload it filled; every problem comes back against its sheet and cell, and
// nothing is written unless the whole file is clean.

import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Typography, Upload } from 'antd';
import { ApiError } from '../../api/errors.ts';
import { UploadProblems } from '../rosters/UploadProblems.tsx';
import { scoresTemplateUrl, useAssessmentActions } from './api.ts';

export function ScoresImport({ county, year }: { county: string; year: number }) {
  const { message } = App.useApp();
  const { importScores } = useAssessmentActions(county, year);
  const error = importScores.error instanceof ApiError ? importScores.error : null;
  return (
    <Card size="small" title="从 Excel 导入县考核分数" style={{ marginBottom: 16 }}>
      <Typography.Paragraph>
        下载评分表（每类单位一张工作表，已填入本年度已录入的县考核结果），填写考核结果、总分和抽中、失职的村后上传。文件没有问题才会全部写入；有问题时逐一列出所在的工作表和单元格。
      </Typography.Paragraph>
      <Space wrap>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => window.location.assign(scoresTemplateUrl(county, year))}
        >
          下载评分表
        </Button>
        <Upload
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          showUploadList={false}
          maxCount={1}
          beforeUpload={(file) => {
            importScores.mutate(file, {
              onSuccess: (r) =>
                message.success(`已导入：新增 ${r.created} 条，更新 ${r.updated} 条，未变 ${r.unchanged} 条`),
            });
            return false;
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={importScores.isPending}>
            上传评分表
          </Button>
        </Upload>
      </Space>
      {error && <UploadProblems error={error} outcome="没有导入任何分数。" testId="scores-problems" />}
    </Card>
  );
}
