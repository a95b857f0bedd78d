// A model-based test of the fines ledger (fast-check commands): random sequences of collect,
// remit, refund, deduct, recover, finance refund, reverse, repeated requests, days passing and
// correcting decisions, run against a real store and against a plain model written independently
// of the ledger's own checks. The model knows when each part of a fine falls due (a correction's
// increase by its own date), that money paid survives a correction, that only what is due and
// unpaid may be deducted, that a move is dated between its decision and today, and that a receipt
// number is used once. After every step each obligation's balance equals the model's, nothing is
// ever negative, and the balances per person, per unit and for the county add up.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeCtx } from '../compose.ts';
import { addDays, chinaDay } from '../domain/dates.ts';
import { SYSTEM } from './audit.ts';
import { createCounty } from './cases.ts';
import type { Ctx } from './ctx.ts';
import type { Dialect } from './db.ts';
import { confirmDecision, currentDecision } from './decisions.ts';
import { StoreError } from './errors.ts';
import { evaluateYear } from './evaluations.ts';
import type { Move } from './ledger-core.ts';
import { move, reverse } from './ledger-moves.ts';
import { balances, listObligations, overdue } from './ledger-views.ts';
import { type Scope, systemScope } from './scope.ts';
import { createTestStore, type TestStore } from './testing.ts';
import { importCase } from './year-import.ts';

const example = () =>
  parse(readFileSync(new URL('../../examples/qingshui-2009.yaml', import.meta.url), 'utf8'));
const READINGS = [
  {},
  { I12: 'all-sampled' },
  { I10: 'two-committees-only' },
  { I6: 'whole-office', I2: 'sampled-villages-only' },
];
type Case = ReturnType<typeof example>;
/**
 * The year as corrected facts would have it (each imported before the correction): the same
 * person fined under the same clause for more or less (stationed at the village as well: the
 * larger amount, I9), or under another clause.
 */
const VARIANTS: ((c: Case) => void)[] = [
  () => {},
  (c) => c.links.push({ kind: 'stationed', person: 'p-yang', village: 'v-xiaying' }), // 4.3.1.6: 1200 → 1500
  (c) =>
    c.links.push(
      { kind: 'stationed', person: 'p-wei', village: 'v-shangling' }, // 4.2.2: 1000 → 1500
      { kind: 'stationed', person: 'p-jiang', village: 'v-shangling' },
    ),
  (c) => {
    c.assessments.find(
      (a: { subject: string; by: string }) => a.subject === 'v-xiaying' && a.by === 'county',
    ).outcome = 'reminder'; // 4.3.1.6 → 4.3.1.5
  },
  (c) => {
    c.assessments.find(
      (a: { subject: string; by: string }) => a.subject === 't-xishan' && a.by === 'city',
    ).outcome = 'yellow_card'; // 4.2.2 → 4.2.3
  },
];

/** The model of one fine: its parts falling due, and the sums of what moved. */
interface Fine {
  parts: { due: string; fen: number }[];
  assessedOn: string;
  collected: number;
  refunded: number;
  remitted: number;
  deducted: number;
  recovered: number;
  financeRefunded: number;
}
type Kind = 'collect' | 'remit' | 'refund' | 'deduct' | 'recover' | 'finance_refund';
interface Model {
  fines: Map<string, Fine>;
  entries: { id: string; obligation: string; kind: Kind; fen: number; receipt?: string; reversed: boolean }[];
  /** The variant of the facts and the reading of the decision in force. */
  decided: string;
  keys: number;
  today: string;
}
interface Real {
  s: TestStore;
  ctx: Ctx;
  clock: { now: Date };
  office: Scope;
  finance: Scope;
  ids: string[];
  last?: { run: () => Promise<unknown> };
}

const newFine = (parts: Fine['parts'], assessedOn: string): Fine => ({
  parts,
  assessedOn,
  collected: 0,
  refunded: 0,
  remitted: 0,
  deducted: 0,
  recovered: 0,
  financeRefunded: 0,
});
const assessed = (f: Fine) => f.parts.reduce((t, p) => t + p.fen, 0);
const settled = (f: Fine) => f.collected - f.refunded - f.financeRefunded + f.deducted;
const outstanding = (f: Fine) => Math.max(0, assessed(f) - settled(f));
const overpaid = (f: Fine) => Math.max(0, settled(f) - assessed(f));
const held = (f: Fine) => f.collected - f.refunded - f.remitted;
const financeHeld = (f: Fine) => f.remitted + f.deducted - f.financeRefunded;
const recoverable = (f: Fine) =>
  Math.max(0, Math.min(f.deducted, assessed(f) - (f.collected - f.refunded)) - f.recovered);
const overdueOf = (f: Fine, on: string) =>
  Math.max(0, f.parts.reduce((t, p) => t + (p.due < on ? p.fen : 0), 0) - settled(f));
const FIELD = {
  collect: 'collected',
  remit: 'remitted',
  refund: 'refunded',
  deduct: 'deducted',
  recover: 'recovered',
  finance_refund: 'financeRefunded',
} as const;

/** The most a move may carry on a day, as the model sees it. */
const limitOf = (f: Fine, kind: Kind, on: string) =>
  ({
    collect: outstanding(f),
    remit: held(f),
    refund: Math.min(overpaid(f), held(f)),
    deduct: overdueOf(f, on),
    recover: recoverable(f),
    finance_refund: Math.min(overpaid(f), financeHeld(f)),
  })[kind];

/** What the model allows: a day between the decision and today, a receipt number not in use, the limit. */
function allowed(m: Model, f: Fine, kind: Kind, fen: number, on: string, receipt?: string): boolean {
  if (on > m.today || on < f.assessedOn) return false;
  if (receipt && m.entries.some((e) => e.receipt === receipt && !e.reversed)) return false;
  return fen <= limitOf(f, kind, on);
}

async function refusedOrDone<T>(p: Promise<T>): Promise<T | 'refused'> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof StoreError && (e.kind === 'invalid' || e.kind === 'conflict')) return 'refused';
    throw e;
  }
}

async function check(m: Model, r: Real): Promise<void> {
  const list = await listObligations(r.ctx, r.office, 'qingshui', 2009, { kind: 'fine' });
  for (const o of list) {
    const f = m.fines.get(o.id)!;
    expect(o.balance, o.id).toMatchObject({
      assessed_fen: assessed(f),
      collected_fen: f.collected,
      refunded_fen: f.refunded,
      remitted_fen: f.remitted,
      deducted_fen: f.deducted,
      recovered_fen: f.recovered,
      finance_refunded_fen: f.financeRefunded,
      outstanding_fen: outstanding(f),
      overdue_fen: overdueOf(f, m.today),
      overpaid_fen: overpaid(f),
      held_fen: held(f),
      finance_held_fen: financeHeld(f),
      recoverable_fen: recoverable(f),
    });
    for (const v of Object.values(o.balance)) expect(v).toBeGreaterThanOrEqual(0);
  }
  const late = await overdue(r.ctx, r.finance, 'qingshui', 2009);
  expect(late.map((o) => o.id).sort()).toEqual(
    [...m.fines]
      .filter(([, f]) => overdueOf(f, m.today) > 0)
      .map(([id]) => id)
      .sort(),
  );
  const b = await balances(r.ctx, r.office, 'qingshui', 2009);
  type Key = keyof typeof b.county.fines;
  const sum = (xs: (typeof b.county)[], k: Key) => xs.reduce((t, x) => t + x.fines[k], 0);
  for (const k of Object.keys(b.county.fines) as Key[]) {
    expect(sum(Object.values(b.units), k)).toBe(b.county.fines[k]);
    expect(sum(Object.values(b.people), k)).toBe(b.county.fines[k]);
  }
}

const nextKey = (m: Model) => `model-key-${++m.keys}`;
const OFFSETS = [0, 0, 0, -3, 1, -400];

/**
 * A move by the unit (as the office) or the finance bureau, dated `offset` days from today. Half
 * the time it picks a fine the move can apply to; its amount is the limit, one fen over it, half
 * of it, or a fixed amount — so the edges are tried often.
 */
class MoveCommand implements fc.AsyncCommand<Model, Real> {
  fen = 0;
  constructor(
    readonly kind: Kind,
    readonly i: number,
    readonly pick: number,
    readonly offset: number,
    readonly receipt: number,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const on = addDays(m.today, this.offset);
    const open = r.ids.filter((x) => limitOf(m.fines.get(x)!, this.kind, on) > 0);
    const id =
      this.i % 2 === 0 && open.length > 0
        ? open[Math.floor(this.i / 2) % open.length]!
        : r.ids[this.i % r.ids.length]!;
    const f = m.fines.get(id)!;
    const limit = limitOf(f, this.kind, on);
    this.fen = [limit, limit + 1, Math.max(1, Math.floor(limit / 2)), 50000][this.pick % 4] || 1;
    const key = nextKey(m);
    const receipt = this.kind === 'collect' || this.kind === 'recover' ? `R-${this.receipt}` : undefined;
    const scope = this.kind === 'deduct' || this.kind === 'finance_refund' ? r.finance : r.office;
    const input = { amount_fen: this.fen, on, ...(receipt && { receipt_no: receipt }) };
    const run = () => move(r.ctx, scope, id, this.kind as Move, input, key);
    const want = allowed(m, f, this.kind, this.fen, on, receipt);
    const out = await refusedOrDone(run());
    expect(out === 'refused', `${this} on ${JSON.stringify(f)}`).toBe(!want);
    if (out !== 'refused') {
      f[FIELD[this.kind]] += this.fen;
      m.entries.push({
        id: out.body.entries!.at(-1)!.id,
        obligation: id,
        kind: this.kind,
        fen: this.fen,
        receipt,
        reversed: false,
      });
      r.last = { run };
    }
    await check(m, r);
  }
  toString = () =>
    `${this.kind}(${this.i}, ${this.pick}: ${this.fen} fen, ${this.offset} days, R-${this.receipt})`;
}

class Reverse implements fc.AsyncCommand<Model, Real> {
  constructor(readonly j: number) {}
  check = (m: Readonly<Model>) => m.entries.length > 0;
  async run(m: Model, r: Real) {
    const e = m.entries[this.j % m.entries.length]!;
    const f = m.fines.get(e.obligation)!;
    const after = { ...f, [FIELD[e.kind]]: f[FIELD[e.kind]] - e.fen };
    const ok =
      !e.reversed &&
      held(after) >= 0 &&
      financeHeld(after) >= 0 &&
      after.recovered <= after.deducted &&
      Object.values(after).every((v) => typeof v !== 'number' || v >= 0);
    const scope = e.kind === 'deduct' || e.kind === 'finance_refund' ? r.finance : r.office;
    const out = await refusedOrDone(reverse(r.ctx, scope, e.id, '录入有误', nextKey(m)));
    expect(out === 'refused', `reverse ${e.kind} ${e.fen} of ${JSON.stringify(f)}`).toBe(!ok);
    if (out !== 'refused') {
      f[FIELD[e.kind]] -= e.fen;
      e.reversed = true;
    }
    await check(m, r);
  }
  toString = () => `reverse(${this.j})`;
}

/** The same request again, with the same key: the first answer, and nothing moves. */
class Repeat implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(m: Model, r: Real) {
    if (!r.last) return;
    const before = await balances(r.ctx, r.office, 'qingshui', 2009);
    await r.last.run();
    expect(await balances(r.ctx, r.office, 'qingshui', 2009)).toEqual(before);
    await check(m, r);
  }
  toString = () => 'repeat()';
}

/** Days pass: what falls due becomes overdue. */
class Wait implements fc.AsyncCommand<Model, Real> {
  constructor(readonly days: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    m.today = addDays(m.today, this.days);
    r.clock.now = new Date(`${m.today}T04:00:00Z`);
    await check(m, r);
  }
  toString = () => `wait(${this.days})`;
}

/**
 * A correcting decision under another reading, today, with its own deadline (refused if before
 * today): fines change, appear or go; what was paid stays with its fine; an increase is due by
 * the new deadline; a decrease comes off the latest parts.
 */
class Supersede implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly variant: number,
    readonly reading: number,
    readonly dueIn: number,
  ) {}
  check = (m: Readonly<Model>) => m.decided !== `${this.variant}|${this.reading}`;
  async run(m: Model, r: Real) {
    const reading = this.reading;
    const facts = example();
    VARIANTS[this.variant]!(facts);
    await importCase(r.ctx, r.office, 'qingshui', 2009, facts);
    const { receipt, result } = await evaluateYear(
      r.ctx,
      r.office,
      'qingshui',
      2009,
      READINGS[reading] as Record<string, string>,
    );
    const current = await currentDecision(r.s.db, 'qingshui', 2009);
    const due = addDays(m.today, this.dueIn);
    const out = await refusedOrDone(
      confirmDecision(r.ctx, r.office, 'qingshui', 2009, {
        evaluation_id: receipt.id,
        fines_due_on: due,
        supersedes: current!.id,
        reason: `改按 ${JSON.stringify(READINGS[reading])}`,
      }),
    );
    expect(out === 'refused', `a deadline ${this.dueIn} days from today`).toBe(this.dueIn < 0);
    if (out === 'refused') return;
    m.decided = `${this.variant}|${this.reading}`;
    const amounts = new Map(
      result.consequences
        .filter((c) => c.type === 'fine')
        .map((c) => [`${c.subject.id}|${c.clause}`, Math.round(c.amount_yuan! * 100)]),
    );
    for (const o of await listObligations(r.ctx, r.office, 'qingshui', 2009, { kind: 'fine' })) {
      if (!m.fines.has(o.id)) {
        m.fines.set(o.id, newFine([], m.today));
        r.ids.push(o.id);
      }
      const f = m.fines.get(o.id)!;
      const before = assessed(f);
      const now = amounts.get(`${o.subject.id}|${o.clause}`) ?? 0;
      if (now > before) f.parts.push({ due, fen: now - before });
      for (let cut = before - now; cut > 0; ) {
        const last = f.parts.at(-1)!;
        const take = Math.min(cut, last.fen);
        last.fen -= take;
        cut -= take;
        if (last.fen === 0) f.parts.pop();
      }
    }
    await check(m, r);
  }
  toString = () =>
    `supersede(${JSON.stringify(READINGS[this.reading % READINGS.length])}, due in ${this.dueIn})`;
}

async function setup(dialect: Dialect): Promise<{ model: Model; real: Real }> {
  const s = await createTestStore(dialect);
  const clock = { now: new Date('2010-01-10T04:00:00Z') };
  const ctx: Ctx = makeCtx(s.db, () => clock.now);
  const office = systemScope('qingshui', { name: 'office1', role: 'office' });
  const finance: Scope = {
    ...systemScope('qingshui', { name: 'finance1', role: 'finance' }),
    role: 'finance',
  };
  await createCounty(ctx, SYSTEM, { id: 'qingshui', name: '清水县' });
  await importCase(ctx, office, 'qingshui', 2009, example());
  const { receipt } = await evaluateYear(ctx, office, 'qingshui', 2009);
  await confirmDecision(ctx, office, 'qingshui', 2009, {
    evaluation_id: receipt.id,
    fines_due_on: '2010-03-31',
  });
  const today = chinaDay(clock.now);
  const list = await listObligations(ctx, office, 'qingshui', 2009, { kind: 'fine' });
  const fines = new Map(
    list.map((o) => [o.id, newFine([{ due: '2010-03-31', fen: o.balance.assessed_fen }], today)]),
  );
  const model: Model = { fines, entries: [], decided: '0|0', keys: 0, today };
  const real: Real = { s, ctx, clock, office, finance, ids: list.map((o) => o.id) };
  // Money already moved before the run, so that corrections find it: 吴书记 paid in full and the
  // town remitted it; 卫支书 paid a part the town still holds. The run starts just before the deadline.
  const seed = async (person: string, kind: Kind, fen: number, receipt?: string) => {
    const o = list.find((x) => x.subject.id === person && x.clause === '4.2.2')!;
    const input = { amount_fen: fen, on: today, ...(receipt && { receipt_no: receipt }) };
    const done = await move(ctx, office, o.id, kind as Move, input, nextKey(model));
    fines.get(o.id)![FIELD[kind]] += fen;
    model.entries.push({
      id: done.body.entries!.at(-1)!.id,
      obligation: o.id,
      kind,
      fen,
      receipt,
      reversed: false,
    });
  };
  await seed('p-wu', 'collect', 150000, 'S-1');
  await seed('p-wu', 'remit', 150000);
  await seed('p-wei', 'collect', 50000, 'S-2');
  model.today = '2010-03-25';
  clock.now = new Date(`${model.today}T04:00:00Z`);
  return { model, real };
}

const moveOf = (kind: Kind) =>
  fc
    .tuple(fc.nat(40), fc.nat(3), fc.constantFrom(...OFFSETS), fc.nat(12))
    .map(([i, p, d, n]) => new MoveCommand(kind, i, p, d, n));
// Weighted by repetition: money must be collected and time pass before most moves can apply.
const wait = fc.constantFrom(1, 10, 20, 45).map((d) => new Wait(d));
const supersede = fc
  .tuple(fc.nat(VARIANTS.length - 1), fc.nat(READINGS.length - 1), fc.constantFrom(-1, 0, 30, 90))
  .map(([v, k, d]) => new Supersede(v, k, d));
const commands = fc.commands(
  [
    ...(['collect', 'collect', 'collect', 'remit', 'remit', 'deduct', 'deduct', 'refund'] as const).map(
      moveOf,
    ),
    ...(['recover', 'recover', 'finance_refund', 'finance_refund'] as const).map(moveOf),
    fc.nat(60).map((j) => new Reverse(j)),
    fc.constant(new Repeat()),
    wait,
    wait,
    supersede,
    supersede,
    supersede,
  ],
  { maxCommands: 50, size: 'max' },
);

for (const [dialect, runs] of [
  ['sqlite', 60],
  ['postgres', 6],
] as const)
  describe(`fines ledger model on ${dialect}`, () => {
    it('keeps every balance consistent and never negative, through corrections, whatever happens', {
      timeout: 600_000,
    }, async () => {
      await fc.assert(
        fc.asyncProperty(commands, async (cmds) => {
          const { model, real } = await setup(dialect);
          try {
            await fc.asyncModelRun(() => ({ model, real }), cmds);
          } finally {
            await real.s.drop();
          }
        }),
        { numRuns: runs },
      );
    });
  });
