// The chain: its head now, as the line `SEQ:HASH` for the auditor to keep, and the check of the
// whole chain against a head kept earlier (pasted back; it goes in the address as ?head=, so the
// check can be reloaded). The answer names the first entry found wrong, in the server's words.

import { Alert, Button, Card, Col, Form, Input, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { proseDate, tableDateTime } from '../../lib/format.ts';
import { useHead, useVerify } from './api.ts';
import { type Head, headText, parseHead } from './head.ts';

export function ChainCard({ kept, onCheck }: { kept: Head | null; onCheck: (head: Head) => void }) {
  const head = useHead();
  const verify = useVerify(kept);
  const [text, setText] = useState(kept ? headText(kept) : '');
  const [error, setError] = useState<string | null>(null);
  const check = () => {
    const r = parseHead(text);
    if ('error' in r) return setError(r.error);
    setError(null);
    if (kept && headText(kept) === headText(r.head)) void verify.refetch();
    else onCheck(r.head);
  };
  const at = head.data ? tableDateTime(head.data.at) : '';
  return (
    <Card size="small" title="审计链校验" style={{ marginBottom: 16 }}>
      <Row gutter={24}>
        <Col xs={24} xl={11}>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            当前链头（{at ? `${proseDate(at.slice(0, 10))} ${at.slice(11)}` : '读取中'}
            ）：请抄录或打印保存，日后核对时粘贴回来，可以发现之后的记录是否被删除或改动。
          </Typography.Paragraph>
          {head.data && (
            <Typography.Text
              code
              copyable={{ text: headText(head.data) }}
              className="audit-hash"
              data-testid="head"
            >
              {headText(head.data)}
            </Typography.Text>
          )}
        </Col>
        <Col xs={24} xl={13}>
          <Form layout="vertical" onFinish={check}>
            <Form.Item
              label="此前保存的链头（编号：哈希）"
              htmlFor="kept-head"
              validateStatus={error ? 'error' : undefined}
              help={error ?? undefined}
              style={{ marginBottom: 8 }}
            >
              <Space.Compact style={{ width: '100%' }}>
                <Input
                  id="kept-head"
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  placeholder="例如 128:9f86d081884c7d65…"
                />
                <Button type="primary" htmlType="submit">
                  校验
                </Button>
              </Space.Compact>
            </Form.Item>
          </Form>
          {verify.data && kept && (
            <Alert
              role="status"
              type={verify.data.ok ? 'success' : 'error'}
              showIcon
              message={
                verify.data.ok
                  ? `审计链完整：已逐条核对 ${verify.data.entries} 条记录，保存的第 ${kept.seq} 条仍在链中且未被改动。`
                  : `审计链有问题：${verify.data.problem?.zh ?? ''}`
              }
              description={
                verify.data.ok
                  ? undefined
                  : `已按顺序核对到第 ${verify.data.entries} 条；请将此结果与保存的链头一并报告。`
              }
            />
          )}
        </Col>
      </Row>
    </Card>
  );
}
