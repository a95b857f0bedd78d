// One consequence in a drawer: who and what, the clause quoted, the engine's explanation, the
// readings it depends on with their values, the rule and the post or link (via), and the
// receipt's pack hash and engine version.

import { Descriptions, Drawer, Table, Typography } from 'antd';
import { zhPunct } from '../../../../src/domain/zh-punct.ts';
import { yuan } from '../../lib/format.ts';
import type { Evaluation, Line } from './api.ts';
import { dependsOn } from './helpers.ts';

const viaCode = (via: { unit: string; role?: string; link?: string } | undefined) =>
  via ? [via.unit, via.role, via.link].filter(Boolean).join(' / ') : '—';

export function LineDrawer({
  evaluation,
  line,
  onClose,
}: {
  evaluation: Evaluation | undefined;
  line: Line | undefined;
  onClose: () => void;
}) {
  const c =
    line &&
    evaluation &&
    (line.withheld ? evaluation.result.withheld : evaluation.result.consequences)[line.index];
  const clause = line && evaluation?.view.clauses[line.clause];
  const applies = line?.applies ? evaluation?.view.clauses[line.applies] : undefined;
  return (
    <Drawer
      open={line !== undefined}
      onClose={onClose}
      width={640}
      title={line ? `${line.subject.name}：${line.type_zh}（${line.clause_label}）` : ''}
      destroyOnHidden
    >
      {line && c && evaluation && (
        <>
          <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
            <Descriptions.Item label="对象">
              {line.subject.name}（{line.group_zh}）
            </Descriptions.Item>
            {line.via_zh && <Descriptions.Item label="职务或挂钩">{line.via_zh}</Descriptions.Item>}
            <Descriptions.Item label="奖惩">
              {line.type_zh}
              {line.detail && `（${line.detail}）`}
            </Descriptions.Item>
            {line.amount_fen !== null && (
              <Descriptions.Item label="金额">{yuan(line.amount_fen)}</Descriptions.Item>
            )}
            {line.withheld && <Descriptions.Item label="暂缓兑现">{line.reason_zh}</Descriptions.Item>}
          </Descriptions>

          <Typography.Title level={5}>依据：{line.clause_label}</Typography.Title>
          <blockquote className="clause-text" data-testid="clause-text">
            {clause?.text}
          </blockquote>
          {applies && (
            <>
              <Typography.Title level={5}>按{applies.label}处理</Typography.Title>
              <blockquote className="clause-text">{applies.text}</blockquote>
            </>
          )}

          <Typography.Title level={5}>说明</Typography.Title>
          <Typography.Paragraph data-testid="explanation">{zhPunct(c.explanation)}</Typography.Paragraph>

          <Typography.Title level={5}>所依据的解读</Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            style={{ marginBottom: 16 }}
            dataSource={dependsOn(line, evaluation.view.readings)}
            locale={{ emptyText: '不依赖任何解读' }}
            columns={[
              { title: '解释', dataIndex: 'id', width: 60 },
              { title: '问题', dataIndex: 'question_zh' },
              { title: '本次评定采用', dataIndex: 'value_zh', width: 200 },
            ]}
          />

          <Descriptions column={1} bordered size="small" title="溯源">
            <Descriptions.Item label="规则">{line.rule}</Descriptions.Item>
            <Descriptions.Item label="关联（via）">{viaCode(c.via)}</Descriptions.Item>
            <Descriptions.Item label="政策包">{evaluation.receipt.policy}</Descriptions.Item>
            <Descriptions.Item label="政策包校验值">
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {evaluation.receipt.pack_hash}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="评定引擎版本">{evaluation.receipt.engine_version}</Descriptions.Item>
            <Descriptions.Item label="评定回执">{evaluation.receipt.id}</Descriptions.Item>
          </Descriptions>
        </>
      )}
    </Drawer>
  );
}
