// 奖惩评定: run the year's evaluation, read its consequences grouped by subject with their 依据
// clause (a row opens its drawer), compare under other readings or against other runs, confirm
// it as the year's decision (a correction with its reason), verify a receipt. What is selected
// lives in the address (?evaluation=, ?group=, ?line=, ?q=). Buttons come from the server's
// permissions; a town or unit sees its own part of each result, as the server gives it.

import { Button, Result, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useShell } from '../../app/context.ts';
import { PageLoading } from '../../app/PageLoading.tsx';
import { Refusal } from '../../app/Refusal.tsx';
import { fpYearLabel } from '../../lib/format.ts';
import { withParams } from '../../lib/params.ts';
import { can } from '../../session/session.ts';
import {
  type Receipt,
  useDecisions,
  useEvaluation,
  useEvaluations,
  useRunEvaluation,
  useVerify,
} from './api.ts';
import { ConfirmModal } from './ConfirmModal.tsx';
import { ConsequencesCard } from './ConsequencesCard.tsx';
import { inForce, lineByKey, lineKey, type ReportGroup } from './helpers.ts';
import { ImportCaseModal } from './ImportCaseModal.tsx';
import { LineDrawer } from './LineDrawer.tsx';
import { DecisionAlert, ReceiptsCard } from './ReceiptsCard.tsx';
import { TownPacksCard } from './TownPacksCard.tsx';
import { VerifyModal } from './VerifyModal.tsx';
import { WhatIfCard } from './WhatIfCard.tsx';

const Y = '/api/v1/counties/:county/years/:fpYear';
const GROUPS: readonly ReportGroup[] = ['town', 'village', 'county_unit', 'person'];

export default function EvaluationPage() {
  const { county } = useShell();
  if (county === null)
    return (
      <Result
        status="info"
        title="奖惩评定按县进行"
        subTitle="系统管理员不属于任何县，请以县级账号登录查看。"
      />
    );
  return <Evaluations county={county} />;
}

function Evaluations({ county }: { county: string }) {
  const { session, year } = useShell();
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string | null>) => setParams((p) => withParams(p, changes));
  const receipts = useEvaluations(county, year);
  const decisions = useDecisions(county, year);
  const run = useRunEvaluation(county, year);
  const verify = useVerify();
  const [confirming, setConfirming] = useState<Receipt | null>(null);
  const [importing, setImporting] = useState(false);

  const items = receipts.data?.items ?? [];
  const param = params.get('evaluation');
  const selected = items.find((r) => r.id === param)?.id ?? items[0]?.id ?? null;
  const evaluation = useEvaluation(selected);
  const group = (GROUPS as readonly string[]).includes(params.get('group') ?? '')
    ? (params.get('group') as ReportGroup)
    : 'town';
  const view = evaluation.data?.view;
  const line = lineByKey(view, params.get('line'));
  const decisionList = decisions.data?.items ?? [];

  if (receipts.isPending || decisions.isPending) return <PageLoading />;
  if (receipts.error) return <Refusal error={receipts.error} />;
  if (decisions.error) return <Refusal error={decisions.error} />;
  const mayRun = can(session, `POST ${Y}/evaluations`);

  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start' }}>
        <div>
          <Typography.Title level={3} className="page-title" style={{ marginTop: 0, marginBottom: 4 }}>
            奖惩评定
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            {fpYearLabel(year)}　按本县存档的事实和解读评定，每项奖惩注明依据条款。
          </Typography.Paragraph>
        </div>
        <div>
          {can(session, `PUT ${Y}/case`) && (
            <Button style={{ marginRight: 8 }} onClick={() => setImporting(true)}>
              导入年度案例
            </Button>
          )}
          {mayRun && (
            <Button
              type="primary"
              loading={run.isPending}
              onClick={() =>
                run.mutate(undefined, { onSuccess: (e) => set({ evaluation: e.receipt.id, line: null }) })
              }
            >
              开始评定
            </Button>
          )}
        </div>
      </div>

      <DecisionAlert
        decisions={decisionList}
        mayDownload={can(session, 'GET /api/v1/decisions/:id/document.docx')}
      />
      <ReceiptsCard
        receipts={items}
        decisions={decisionList}
        readings={view?.readings ?? []}
        selected={selected}
        actions={{
          mayConfirm: can(session, `POST ${Y}/decisions`),
          mayVerify: can(session, 'GET /api/v1/evaluations/:id/verify'),
          mayDownload: can(session, 'GET /api/v1/decisions/:id/document.docx'),
          onSelect: (id) => set({ evaluation: id, line: null }),
          onConfirm: setConfirming,
          onVerify: (r) => verify.mutate(r.id),
        }}
      />

      {evaluation.error && <Refusal error={evaluation.error} />}
      {selected && evaluation.isPending && <PageLoading />}
      {evaluation.data && (
        <ConsequencesCard
          evaluation={evaluation.data}
          scope={session.user.unit_name}
          tab={group}
          search={params.get('q') ?? ''}
          onTab={(g) => set({ group: g, q: null })}
          onSearch={(q) => set({ q: q || null })}
          onOpen={(l) => set({ line: lineKey(l) })}
        />
      )}
      {evaluation.data && <TownPacksCard towns={evaluation.data.towns} />}
      {evaluation.data && can(session, `POST ${Y}/what-if`) && (
        <WhatIfCard
          county={county}
          year={year}
          readings={evaluation.data.view.readings}
          evaluation={evaluation.data.receipt.id}
          hasPrevious={items.findIndex((r) => r.id === selected) < items.length - 1}
          hasDecision={inForce(decisionList) !== undefined}
        />
      )}

      <LineDrawer evaluation={evaluation.data} line={line} onClose={() => set({ line: null })} />
      <ConfirmModal
        county={county}
        year={year}
        receipt={confirming}
        decisions={decisionList}
        onClose={() => setConfirming(null)}
      />
      <VerifyModal check={verify.data} onClose={() => verify.reset()} />
      <ImportCaseModal county={county} year={year} open={importing} onClose={() => setImporting(false)} />
    </div>
  );
}
