// A sample 警示通知书 model for the documents' tests: every part a 公文 has (版头, 发文字号,
// 主送, headings, a table, an attachment, 署名, 版记). Test-only.

import type { OfficialDoc } from '../../src/workflows/documents/model.ts';

export const sample = (over: Partial<OfficialDoc> = {}): OfficialDoc => ({
  kind: 'warning_notice',
  fonts: 'gb',
  dated: '2009-03-01',
  letterhead: { style: 'document', mark: '清水县人口考核办公室文件', printed: true },
  number: '清人考〔2009〕1号',
  title: '警示通知书',
  addressee: '东风镇党委、政府',
  body: [
    { kind: 'p', text: '经督查，你单位在春季集中服务活动工作中未达到要求。' },
    { kind: 'h1', text: '一、整改要求' },
    { kind: 'h2', text: '（一）期限' },
    {
      kind: 'table',
      columns: [
        { title: '单位', width: 50 },
        { title: '金额（元）', width: 50, align: 'right' },
      ],
      rows: [['东风镇', '1,500.00']],
    },
  ],
  attachments: [{ title: '警示通知书回执', body: [{ kind: 'fields', rows: [['签收人', '']] }] }],
  signature: { office: '清水县人口考核办公室', date: '2009-03-01', seal: true },
  record: { cc: ['县委办公室', '县纪委'], printer: '清水县人口考核办公室', printed_on: '2009-03-01' },
  ...over,
});
