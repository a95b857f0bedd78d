// A model-based test of the fines ledger (fast-check commands): random sequences of collect,
// remit, deduct, refund, reverse, repeated requests and superseding decisions, run against a
// real store and against a plain model written independently of the ledger's own checks. After
// every step each obligation's balance equals the model's, nothing is ever negative, and the
// balances per person, per unit and for the county add up to the same totals.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SYSTEM } from './audit.ts';
import { createCounty, importCase } from './cases.ts';
import type { Dialect } from './db.ts';
import { confirmDecision, currentDecision } from './decisions.ts';
import { StoreError } from './errors.ts';
import { evaluateYear } from './evaluations.ts';
import type { Ctx } from './facts.ts';
import { balances, listObligations, move, reverse } from './ledger.ts';
import { type Scope, systemScope } from './scope.ts';
import { createTestStore, type TestStore } from './testing.ts';

const example = () =>
  parse(readFileSync(new URL('../../examples/qingshui-2009.yaml', import.meta.url), 'utf8'));
const READINGS = [
  {},
  { I12: 'all-sampled' },
  { I10: 'two-committees-only' },
  { I6: 'whole-office', I2: 'sampled-villages-only' },
];

/** The model: per fine, the sums that matter, and the entries that can still be reversed. */
interface Fine {
  assessed: number;
  collected: number;
  refunded: number;
  remitted: number;
  deducted: number;
}
interface Model {
  fines: Map<string, Fine>;
  entries: {
    id: string;
    obligation: string;
    kind: 'collect' | 'remit' | 'deduct' | 'refund';
    fen: number;
    reversed: boolean;
  }[];
  reading: number;
  keys: number;
}
interface Real {
  s: TestStore;
  ctx: Ctx;
  office: Scope;
  finance: Scope;
  ids: string[];
  last?: { key: string; run: () => Promise<unknown> };
}

const settledOf = (f: Fine) => f.collected - f.refunded + f.deducted;
const heldOf = (f: Fine) => f.collected - f.refunded - f.remitted;

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
    const want = {
      assessed: f.assessed,
      collected: f.collected,
      refunded: f.refunded,
      remitted: f.remitted,
      deducted: f.deducted,
      outstanding: Math.max(0, f.assessed - settledOf(f)),
      overpaid: Math.max(0, settledOf(f) - f.assessed),
      held: heldOf(f),
    };
    expect(o.balance).toMatchObject(want);
    for (const v of Object.values(o.balance)) expect(v).toBeGreaterThanOrEqual(0);
  }
  const b = await balances(r.ctx, r.office, 'qingshui', 2009);
  type Key = keyof typeof b.county.fines;
  const sum = (xs: (typeof b.county)[], k: Key) => xs.reduce((t, x) => t + x.fines[k], 0);
  for (const k of [
    'assessed',
    'collected',
    'remitted',
    'deducted',
    'refunded',
    'outstanding',
    'held',
  ] as Key[]) {
    expect(sum(Object.values(b.units), k)).toBe(b.county.fines[k]);
    expect(sum(Object.values(b.people), k)).toBe(b.county.fines[k]);
  }
}

const nextKey = (m: Model) => `model-key-${++m.keys}`;

class Collect implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly i: number,
    readonly fen: number,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const id = r.ids[this.i % r.ids.length]!;
    const f = m.fines.get(id)!;
    const key = nextKey(m);
    const receipt = `R${m.keys}`;
    const run = () =>
      move(
        r.ctx,
        r.office,
        id,
        'collect',
        { amount_yuan: this.fen / 100, receipt_no: receipt, on: '2010-01-15' },
        key,
      );
    const out = await refusedOrDone(run());
    const allowed = this.fen <= f.assessed - settledOf(f);
    expect(out === 'refused', `collect ${this.fen} of ${JSON.stringify(f)}`).toBe(!allowed);
    if (out !== 'refused') {
      f.collected += this.fen;
      m.entries.push({
        id: out.body.entries!.at(-1)!.id,
        obligation: id,
        kind: 'collect',
        fen: this.fen,
        reversed: false,
      });
      r.last = { key, run };
    }
    await check(m, r);
  }
  toString = () => `collect(${this.i}, ${this.fen})`;
}

class Remit extends Collect {
  override async run(m: Model, r: Real) {
    const id = r.ids[this.i % r.ids.length]!;
    const f = m.fines.get(id)!;
    const out = await refusedOrDone(
      move(r.ctx, r.office, id, 'remit', { amount_yuan: this.fen / 100, on: '2010-02-01' }, nextKey(m)),
    );
    expect(out === 'refused', `remit ${this.fen} of ${JSON.stringify(f)}`).toBe(!(this.fen <= heldOf(f)));
    if (out !== 'refused') {
      f.remitted += this.fen;
      m.entries.push({
        id: out.body.entries!.at(-1)!.id,
        obligation: id,
        kind: 'remit',
        fen: this.fen,
        reversed: false,
      });
    }
    await check(m, r);
  }
  override toString = () => `remit(${this.i}, ${this.fen})`;
}

class Refund extends Collect {
  override async run(m: Model, r: Real) {
    const id = r.ids[this.i % r.ids.length]!;
    const f = m.fines.get(id)!;
    const out = await refusedOrDone(
      move(r.ctx, r.office, id, 'refund', { amount_yuan: this.fen / 100, on: '2010-02-01' }, nextKey(m)),
    );
    expect(out === 'refused', `refund ${this.fen} of ${JSON.stringify(f)}`).toBe(
      !(this.fen <= Math.min(settledOf(f) - f.assessed, heldOf(f))),
    );
    if (out !== 'refused') {
      f.refunded += this.fen;
      m.entries.push({
        id: out.body.entries!.at(-1)!.id,
        obligation: id,
        kind: 'refund',
        fen: this.fen,
        reversed: false,
      });
    }
    await check(m, r);
  }
  override toString = () => `refund(${this.i}, ${this.fen})`;
}

class Deduct implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly i: number,
    readonly fen: number,
    readonly overdue: boolean,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const id = r.ids[this.i % r.ids.length]!;
    const f = m.fines.get(id)!;
    const on = this.overdue ? '2010-04-01' : '2010-03-31';
    const out = await refusedOrDone(
      move(r.ctx, r.finance, id, 'deduct', { amount_yuan: this.fen / 100, on }, nextKey(m)),
    );
    expect(out === 'refused', `deduct ${this.fen} on ${on} of ${JSON.stringify(f)}`).toBe(
      !(this.overdue && this.fen <= f.assessed - settledOf(f)),
    );
    if (out !== 'refused') {
      f.deducted += this.fen;
      m.entries.push({
        id: out.body.entries!.at(-1)!.id,
        obligation: id,
        kind: 'deduct',
        fen: this.fen,
        reversed: false,
      });
    }
    await check(m, r);
  }
  toString = () => `deduct(${this.i}, ${this.fen}, ${this.overdue ? 'overdue' : 'not yet due'})`;
}

class Reverse implements fc.AsyncCommand<Model, Real> {
  constructor(readonly j: number) {}
  check = (m: Readonly<Model>) => m.entries.length > 0;
  async run(m: Model, r: Real) {
    const e = m.entries[this.j % m.entries.length]!;
    const f = m.fines.get(e.obligation)!;
    const field = (
      { collect: 'collected', remit: 'remitted', deduct: 'deducted', refund: 'refunded' } as const
    )[e.kind];
    const after = { ...f, [field]: f[field] - e.fen };
    const allowed =
      !e.reversed &&
      after.collected - after.refunded - after.remitted >= 0 &&
      after.collected - after.refunded >= 0;
    const scope = e.kind === 'deduct' ? r.finance : r.office;
    const out = await refusedOrDone(reverse(r.ctx, scope, e.id, '录入有误', nextKey(m)));
    expect(out === 'refused', `reverse ${e.kind} ${e.fen} of ${JSON.stringify(f)}`).toBe(!allowed);
    if (out !== 'refused') {
      f[field] -= e.fen;
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

/** A correcting decision under another reading: fines change, appear or go, by correcting entries. */
class Supersede implements fc.AsyncCommand<Model, Real> {
  constructor(readonly reading: number) {}
  check = (m: Readonly<Model>) => m.reading !== this.reading % READINGS.length;
  async run(m: Model, r: Real) {
    m.reading = this.reading % READINGS.length;
    const { receipt, result } = await evaluateYear(
      r.ctx,
      r.office,
      'qingshui',
      2009,
      READINGS[m.reading] as Record<string, string>,
    );
    const current = await currentDecision(r.s.db, 'qingshui', 2009);
    await confirmDecision(r.ctx, r.office, 'qingshui', 2009, {
      evaluation_id: receipt.id,
      fines_due_on: '2010-03-31',
      supersedes: current!.id,
      reason: `改按 ${JSON.stringify(READINGS[m.reading])}`,
    });
    const due = new Map(
      result.consequences
        .filter((c) => c.type === 'fine')
        .map((c) => [`${c.subject.id}|${c.clause}`, Math.round(c.amount_yuan! * 100)]),
    );
    const list = await listObligations(r.ctx, r.office, 'qingshui', 2009, { kind: 'fine' });
    for (const o of list) {
      if (!m.fines.has(o.id)) {
        m.fines.set(o.id, { assessed: 0, collected: 0, refunded: 0, remitted: 0, deducted: 0 });
        r.ids.push(o.id);
      }
      m.fines.get(o.id)!.assessed = due.get(`${o.subject.id}|${o.clause}`) ?? 0;
    }
    await check(m, r);
  }
  toString = () => `supersede(${JSON.stringify(READINGS[this.reading % READINGS.length])})`;
}

async function setup(dialect: Dialect): Promise<{ model: Model; real: Real }> {
  const s = await createTestStore(dialect);
  const ctx: Ctx = { db: s.db, now: () => new Date('2010-01-10T00:00:00Z') };
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
  const list = await listObligations(ctx, office, 'qingshui', 2009, { kind: 'fine' });
  const fines = new Map(
    list.map((o) => [
      o.id,
      { assessed: o.balance.assessed, collected: 0, refunded: 0, remitted: 0, deducted: 0 },
    ]),
  );
  return {
    model: { fines, entries: [], reading: 0, keys: 0 },
    real: { s, ctx, office, finance, ids: list.map((o) => o.id) },
  };
}

const amount = fc.constantFrom(1, 50000, 60000, 80000, 100000, 120000, 150000, 200000, 250000);
const commands = fc.commands(
  [
    fc.tuple(fc.nat(40), amount).map(([i, f]) => new Collect(i, f)),
    fc.tuple(fc.nat(40), amount).map(([i, f]) => new Remit(i, f)),
    fc.tuple(fc.nat(40), amount).map(([i, f]) => new Refund(i, f)),
    fc.tuple(fc.nat(40), amount, fc.boolean()).map(([i, f, o]) => new Deduct(i, f, o)),
    fc.nat(60).map((j) => new Reverse(j)),
    fc.constant(new Repeat()),
    fc.nat(3).map((k) => new Supersede(k)),
  ],
  { maxCommands: 30 },
);

for (const [dialect, runs] of [
  ['sqlite', 25],
  ['postgres', 4],
] as const)
  describe(`fines ledger model on ${dialect}`, () => {
    it('keeps every balance consistent and never negative, whatever happens', {
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
