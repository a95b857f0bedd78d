// One of every document, from the example county (examples/qingshui-2009.yaml) in a fresh
// SQLite store: the year decided, a warning notice with its deadline, fines collected, remitted
// and (after the deadline) deducted, a reward paid, the personnel recommendations. The tests read
// them all; docs/documents/render.sh prints two of them to PNG for the docs.
//
//   npx tsx src/workflows/documents/samples.ts OUT_DIR     writes every sample .docx into OUT_DIR

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeCtx } from '../../compose.ts';
import { yaml } from '../../domain/yaml.ts';
import { SYSTEM } from '../../store/audit.ts';
import { createCounty } from '../../store/cases.ts';
import type { Ctx } from '../../store/ctx.ts';
import { confirmDecision } from '../../store/decisions.ts';
import { evaluateYear } from '../../store/evaluations.ts';
import { createFact } from '../../store/facts.ts';
import { move } from '../../store/ledger-moves.ts';
import { listObligations } from '../../store/ledger-views.ts';
import { listActions } from '../../store/personnel.ts';
import { type Scope, systemScope } from '../../store/scope.ts';
import { createTestStore, type TestStore } from '../../store/testing.ts';
import { createUser } from '../../store/users.ts';
import { importCase } from '../../store/year-import.ts';
import type { DocumentFile } from './common.ts';
import { decisionDocument } from './decision.ts';
import { entryDocument } from './ledger-documents.ts';
import type { DocKind } from './model.ts';
import { obligationNotice } from './money-notices.ts';
import { noticeDocument } from './notice.ts';
import { actionDocument } from './personnel.ts';

export const SAMPLE_COUNTY = 'qingshui';

export interface Samples {
  store: TestStore;
  ctx: Ctx;
  setClock(iso: string): void;
  office: Scope;
  finance: Scope;
  documents: Partial<Record<DocKind, DocumentFile>>;
}

/** A county with one of every document issued; `store.drop()` when done. */
export async function issueSamples(dialect: 'sqlite' | 'postgres' = 'sqlite'): Promise<Samples> {
  const store = await createTestStore(dialect);
  let clock = new Date('2009-03-01T02:00:00Z');
  const ctx: Ctx = makeCtx(store.db, () => clock);
  const setClock = (iso: string) => {
    clock = new Date(iso);
  };
  const county = SAMPLE_COUNTY;
  await createCounty(ctx, SYSTEM, { id: county, name: '清水县' });
  const people = [
    { username: 'office1', role: 'office', display_name: '王志刚' },
    { username: 'finance1', role: 'finance', display_name: '张丽' },
  ];
  for (const p of people)
    await createUser(ctx, SYSTEM, { ...p, password: 'sample password', county, unit: null });
  const office = systemScope(county, { name: 'office1', role: 'office' });
  const finance: Scope = { ...office, role: 'finance', actor: { name: 'finance1', role: 'finance' } };
  const kase = yaml().parse(
    readFileSync(new URL('../../../examples/qingshui-2009.yaml', import.meta.url), 'utf8'),
  );
  await importCase(ctx, office, county, 2009, kase);
  await createFact(ctx, office, county, 'warning_notices', {
    id: 'n1',
    unit: 'v-hongxing',
    issued_on: '2009-03-01',
    matter: '春季集中服务活动',
    deadline: '2009-03-31',
  });
  const documents: Samples['documents'] = {};
  documents.warning_notice = await noticeDocument(ctx, office, county, 'n1');

  setClock('2009-12-21T02:00:00Z');
  const ev = await evaluateYear(ctx, office, county, 2009);
  const decision = await confirmDecision(ctx, office, county, 2009, {
    evaluation_id: ev.receipt.id,
    fines_due_on: '2010-03-31',
  });
  documents.decision = await decisionDocument(ctx, office, decision.id);

  setClock('2010-04-20T02:00:00Z');
  const list = await listObligations(ctx, office, county, 2009);
  // A person's first fine or reward in the ledger's order (by kind, not by clause: the clauses are the pack's).
  const find = (subject: string, kind: 'fine' | 'reward') => {
    const first = list.find((o) => o.subject.id === subject && o.kind === kind);
    if (!first) throw new Error(`the sample county gives ${subject} no ${kind}`);
    return first.id;
  };
  const last = async (p: Promise<{ body: { entries?: { id: string }[] } }>) =>
    (await p).body.entries!.at(-1)!.id;
  const collect = await last(
    move(
      ctx,
      office,
      find('p-wu', 'fine'),
      'collect',
      { amount_fen: 150000, receipt_no: 'R-001', on: '2010-01-10' },
      'sample-move-1',
    ),
  );
  const remit = await last(
    move(
      ctx,
      office,
      find('p-wu', 'fine'),
      'remit',
      { amount_fen: 150000, on: '2010-01-15' },
      'sample-move-2',
    ),
  );
  const pay = await last(
    move(
      ctx,
      finance,
      find('p-zhang', 'reward'),
      'pay',
      { amount_fen: 200000, receipt_no: 'V-001', on: '2010-01-20' },
      'sample-move-3',
    ),
  );
  const deduct = await last(
    move(
      ctx,
      finance,
      find('p-he', 'fine'),
      'deduct',
      { amount_fen: 200000, on: '2010-04-15' },
      'sample-move-4',
    ),
  );
  documents.fine_notice = await obligationNotice(ctx, office, find('p-wu', 'fine'));
  documents.reward_notice = await obligationNotice(ctx, office, find('p-zhang', 'reward'));
  documents.receipt = await entryDocument(ctx, office, collect);
  documents.remittance = await entryDocument(ctx, office, remit);
  documents.payment_receipt = await entryDocument(ctx, finance, pay);
  documents.deduction_notice = await entryDocument(ctx, finance, deduct);
  const actions = await listActions(ctx, office, county, 2009);
  const action = (type: string, person: string) =>
    actions.find((a) => a.type === type && a.subject.id === person)!.id;
  documents.admonishment_notice = await actionDocument(ctx, office, action('admonishment_talk', 'p-xu'));
  documents.personnel_letter = await actionDocument(ctx, office, action('three_stops', 'p-yang'));
  return { store, ctx, setClock, office, finance, documents };
}

async function main(out: string): Promise<void> {
  mkdirSync(out, { recursive: true });
  const s = await issueSamples();
  try {
    for (const [kind, doc] of Object.entries(s.documents)) {
      writeFileSync(join(out, `${kind}.docx`), doc.body);
      process.stdout.write(`${kind}.docx  ${doc.filename}\n`);
    }
  } finally {
    await s.store.drop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  await main(process.argv[2] ?? 'out');
