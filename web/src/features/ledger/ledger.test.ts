import { describe, expect, it } from 'vitest';
import type { Balances, Obligation } from './api.ts';
import { checkText, figuresOf, mismatches, sumFigures } from './balances.ts';
import { fenOfYuan, formProblems, MOVES, moveBody, movesFor, newIdempotencyKey, yuanInput } from './moves.ts';
import { formOf, PAGE_SIZE, queryOf, withFilters } from './search.ts';

const balance = (over: Partial<Obligation['balance']> = {}): Obligation['balance'] => ({
  assessed_fen: 80000,
  collected_fen: 0,
  refunded_fen: 0,
  remitted_fen: 0,
  deducted_fen: 0,
  recovered_fen: 0,
  finance_refunded_fen: 0,
  paid_fen: 0,
  outstanding_fen: 80000,
  overdue_fen: 80000,
  overpaid_fen: 0,
  held_fen: 0,
  finance_held_fen: 0,
  recoverable_fen: 0,
  ...over,
});
const perms = (...paths: string[]) => ({
  permissions: paths.map((p) => `POST /api/v1/obligations/:id/${p}`),
});

describe('the money forms', () => {
  it('reads an amount in 元 as integer fen, refusing what is not a positive amount to the fen', () => {
    expect(fenOfYuan('1,500.5')).toBe(150050);
    expect(fenOfYuan('800')).toBe(80000);
    expect(fenOfYuan(' 0.07 ')).toBe(7);
    expect(fenOfYuan(12.34)).toBe(1234);
    expect(fenOfYuan('0.1')).toBe(10);
    for (const bad of ['0', '0.00', '-5', '1.234', 'abc', '', null, undefined, '1e3'])
      expect(fenOfYuan(bad as string), String(bad)).toBeNull();
    expect(yuanInput(150050)).toBe('1500.50');
    expect(yuanInput(7)).toBe('0.07');
  });

  it('offers the moves the server allows and the balance leaves to do', () => {
    const town = perms('collect', 'remit', 'refund', 'recover');
    const finance = perms('deduct', 'finance-refund', 'pay');
    const fine = { kind: 'fine' as const, balance: balance() };
    expect(movesFor(town, fine).map((m) => m.kind)).toEqual(['collect']);
    expect(movesFor(finance, fine).map((m) => m.kind)).toEqual(['deduct']);
    const collected = {
      kind: 'fine' as const,
      balance: balance({ outstanding_fen: 0, overdue_fen: 0, held_fen: 80000 }),
    };
    expect(movesFor(town, collected).map((m) => m.kind)).toEqual(['remit']);
    expect(movesFor(finance, collected)).toEqual([]);
    const deducted = {
      kind: 'fine' as const,
      balance: balance({ outstanding_fen: 0, overdue_fen: 0, recoverable_fen: 80000 }),
    };
    expect(movesFor(town, deducted).map((m) => m.kind)).toEqual(['recover']);
    const reward = { kind: 'reward' as const, balance: balance({ overdue_fen: 0 }) };
    expect(movesFor(finance, reward).map((m) => m.kind)).toEqual(['pay']);
    expect(movesFor(town, reward)).toEqual([]);
    expect(movesFor({ permissions: [] }, fine)).toEqual([]);
    // Each move starts at the most its balance allows.
    expect(MOVES.find((m) => m.kind === 'deduct')!.limit({ balance: balance({ overdue_fen: 60000 }) })).toBe(
      60000,
    );
  });

  it('makes a fresh key each time a form opens, in the characters the API takes', () => {
    const a = newIdempotencyKey();
    const b = newIdempotencyKey();
    expect(a).toMatch(/^zr-[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
    expect(newIdempotencyKey({ getRandomValues: (x) => x.fill(171) })).toBe(`zr-${'ab'.repeat(16)}`);
  });

  it('sends the amount in fen and leaves out what was not filled', () => {
    expect(moveBody({ amount: '800', number: ' BY-1 ', on: '2010-03-28', note: '' })).toEqual({
      amount_fen: 80000,
      receipt_no: 'BY-1',
      on: '2010-03-28',
    });
    expect(() => moveBody({ amount: 'x' })).toThrow();
    expect(formProblems([{ path: 'amount_fen', zh: '超过', en: 'over' }])[0]!.path).toBe('amount');
    expect(formProblems([{ path: 'receipt_no', zh: '已用', en: 'used' }])[0]!.path).toBe('number');
  });
});

describe('the search in the address', () => {
  it('turns the address into the API query, paging by the server', () => {
    const q = queryOf(
      new URLSearchParams('kind=fine&town=T01&status=overdue&page=3&name=%20王%20&source=county&bogus=1'),
    );
    expect(q).toEqual({
      limit: PAGE_SIZE,
      offset: 2 * PAGE_SIZE,
      kind: 'fine',
      town: 'T01',
      status: 'overdue',
      name: '王',
      source: 'county',
    });
    expect(queryOf(new URLSearchParams('kind=x&status=nope&page=-2'))).toEqual({
      limit: PAGE_SIZE,
      offset: 0,
    });
  });

  it('starts a new search on page 1 and keeps the year and the open drawer', () => {
    const next = withFilters(new URLSearchParams('year=2010&page=4&town=T01&obligation=o1'), {
      clause: '4.3.1.4',
      town: undefined,
    });
    expect(next.toString()).toBe('year=2010&obligation=o1&clause=4.3.1.4');
    expect(formOf(next)).toEqual({ clause: '4.3.1.4' });
  });
});

describe('the balances that add up', () => {
  const sums = (assessed: number, collected: number, paid = 0): Balances['county'] => ({
    fines: balance({
      assessed_fen: assessed,
      collected_fen: collected,
      outstanding_fen: assessed - collected,
      overdue_fen: 0,
    }),
    rewards: balance({ assessed_fen: paid * 2, paid_fen: paid, outstanding_fen: paid, overdue_fen: 0 }),
  });
  it('sums the rows of a level and checks them against the county', () => {
    const rows = [figuresOf(sums(80000, 80000, 100)), figuresOf(sums(60000, 0, 50))];
    const whole = figuresOf(sums(140000, 80000, 150));
    expect(sumFigures(rows)).toEqual(whole);
    expect(mismatches(rows, whole)).toEqual([]);
    expect(checkText('镇（场）', rows, whole)).toBe('各镇（场）合计与全县合计相符。');
    const off = figuresOf(sums(150000, 80000, 150));
    expect(checkText('单位', rows, off)).toBe('各单位合计与全县合计不符：应缴罚款、未缴罚款。');
    // People carry fines only: their rewards are not checked.
    expect(checkText('个人', rows, figuresOf(sums(140000, 80000, 999)), true)).toBe(
      '各个人合计与全县合计相符。',
    );
  });
});
