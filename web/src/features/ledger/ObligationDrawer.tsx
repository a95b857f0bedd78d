// One fine or reward in a drawer: who owes it or receives it, the unit that collects it (the one
// that now withholds it, where the person has moved), its balance, every ledger entry with its
// paper, and the moves the user may make. Its id comes from the address (?obligation=), so
// another town's obligation gets the server's refusal, shown in the drawer.

import { Button, Descriptions, Drawer, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Refusal } from '../../app/Refusal.tsx';
import { proseDate, tableDate, yuan, yuanWithCapital } from '../../lib/format.ts';
import { can, type Session } from '../../session/session.ts';
import { type LedgerEntry, type ObligationDetail, useObligation } from './api.ts';
import { Collector, entryColumns, StatusTag } from './columns.tsx';
import { MoveModal } from './MoveModal.tsx';
import { type MoveSpec, movesFor, REVERSE_KEY } from './moves.ts';
import { ReverseModal } from './ReverseModal.tsx';

const NOTICE_KEY = 'GET /api/v1/obligations/:id/notice.docx';
const DOC_KEY = 'GET /api/v1/ledger-entries/:id/document.docx';
const RECEIPT_KEY = 'GET /api/v1/ledger-entries/:id/receipt.docx';

/** A download link to a Word document the server makes (same origin: the session cookie goes with it). */
function Download({ href, children }: { href: string; children: string }) {
  return (
    <a href={href} download>
      {children}
    </a>
  );
}

function EntryPapers({ e, session }: { e: LedgerEntry; session: Session }) {
  if (!e.document_zh) return null;
  const receipt = (e.kind === 'collect' || e.kind === 'pay') && can(session, RECEIPT_KEY);
  if (receipt)
    return <Download href={`/api/v1/ledger-entries/${e.id}/receipt.docx`}>{e.document_zh}</Download>;
  if (!can(session, DOC_KEY)) return null;
  return <Download href={`/api/v1/ledger-entries/${e.id}/document.docx`}>{e.document_zh}</Download>;
}

function Balance({ o }: { o: ObligationDetail }) {
  const b = o.balance;
  return (
    <Descriptions column={2} bordered size="small" style={{ marginBottom: 16 }} title="余额">
      <Descriptions.Item label={o.kind === 'fine' ? '应缴' : '应付'}>
        {yuan(b.assessed_fen)}
      </Descriptions.Item>
      <Descriptions.Item label={o.kind === 'fine' ? '未缴' : '未付'}>
        {yuan(b.outstanding_fen)}
      </Descriptions.Item>
      {o.kind === 'fine' ? (
        <>
          <Descriptions.Item label="已收缴">{yuan(b.collected_fen - b.refunded_fen)}</Descriptions.Item>
          <Descriptions.Item label="已上缴财政局">{yuan(b.remitted_fen)}</Descriptions.Item>
          <Descriptions.Item label="单位持有未上缴">{yuan(b.held_fen)}</Descriptions.Item>
          <Descriptions.Item label="逾期未缴">{yuan(b.overdue_fen)}</Descriptions.Item>
          <Descriptions.Item label="从拨款中扣除">{yuan(b.deducted_fen)}</Descriptions.Item>
          <Descriptions.Item label="扣除后待追回">{yuan(b.recoverable_fen)}</Descriptions.Item>
          {b.overpaid_fen > 0 && (
            <Descriptions.Item label="多缴待退">{yuan(b.overpaid_fen)}</Descriptions.Item>
          )}
        </>
      ) : (
        <Descriptions.Item label="已支付">{yuan(b.paid_fen)}</Descriptions.Item>
      )}
    </Descriptions>
  );
}

export function ObligationDrawer({
  id,
  session,
  onClose,
}: {
  id: string | null;
  session: Session;
  onClose: () => void;
}) {
  const q = useObligation(id);
  const [move, setMove] = useState<MoveSpec | null>(null);
  const [reversing, setReversing] = useState<LedgerEntry | null>(null);
  const o = q.data;
  const moves = o ? movesFor(session, o) : [];
  const reversible = (e: LedgerEntry) =>
    can(session, REVERSE_KEY) && e.kind !== 'assess' && e.kind !== 'reverse' && !e.reversed_by;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={960}
      title={o ? `${o.kind_zh}：${o.subject.name}（${o.clause_label}）` : '罚款与奖金'}
      destroyOnHidden
      extra={
        o && (
          <Space>
            {moves.map((m) => (
              <Button key={m.kind} type="primary" onClick={() => setMove(m)}>
                {m.label}
              </Button>
            ))}
          </Space>
        )
      }
    >
      {q.error ? (
        <Refusal error={q.error} />
      ) : (
        o && (
          <div>
            <Descriptions
              column={2}
              bordered
              size="small"
              style={{ marginBottom: 16 }}
              styles={{ label: { whiteSpace: 'nowrap', width: 110 } }}
            >
              <Descriptions.Item label="对象">{o.subject.name}</Descriptions.Item>
              <Descriptions.Item label="状态">
                <StatusTag o={o} />
              </Descriptions.Item>
              <Descriptions.Item label="依据条款">
                {o.clause_label}
                {o.applies_label ? `（适用${o.applies_label}）` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={o.kind === 'fine' ? '缴纳期限' : '核定日期'}>
                {o.due_on ? proseDate(o.due_on) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={o.kind === 'fine' ? '收缴单位' : '领取单位'} span={2}>
                <Collector o={o} />
                {o.withholding_unit && (
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                    （原单位：{o.collecting_unit_name}）
                  </Typography.Text>
                )}
              </Descriptions.Item>
              <Descriptions.Item label="依据" span={2}>
                {o.explanation}
              </Descriptions.Item>
              <Descriptions.Item label="文书" span={2}>
                {can(session, NOTICE_KEY) && (
                  <Download href={`/api/v1/obligations/${o.id}/notice.docx`}>
                    {o.kind === 'fine' ? '罚款缴纳通知书' : '奖金兑现通知'}
                  </Download>
                )}
              </Descriptions.Item>
            </Descriptions>
            <Balance o={o} />
            <Typography.Title level={5}>
              分录（截至{proseDate(o.on)}，{o.kind === 'fine' ? '应缴' : '应付'}
              {yuanWithCapital(o.balance.assessed_fen)}）
            </Typography.Title>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={o.entries}
              scroll={{ x: 900 }}
              columns={entryColumns((e) => (
                <Space size="small">
                  <EntryPapers e={e} session={session} />
                  {reversible(e) && (
                    <Button size="small" danger onClick={() => setReversing(e)}>
                      冲正
                    </Button>
                  )}
                </Space>
              ))}
              locale={{ emptyText: '尚无分录' }}
            />
            <Typography.Text type="secondary">
              日期以{tableDate(o.on)}为准；冲正不删除原分录，另记一笔反向分录。
            </Typography.Text>
          </div>
        )
      )}
      {o && move && <MoveModal o={o} move={move} onClose={() => setMove(null)} />}
      {reversing && <ReverseModal entry={reversing} onClose={() => setReversing(null)} />}
    </Drawer>
  );
}
