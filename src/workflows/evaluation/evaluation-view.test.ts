// The evaluation as the screen reads it: lines named and labelled, totals that add up to the
// result, the clauses and readings, and a diff's changes paired.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ZerenResult } from '../../domain/result.ts';
import { compareResults } from '../../domain/result-diff.ts';
import { loadEngine } from '../../policy/load.ts';
import type { Names } from '../reports/reports.ts';
import { changesOf, evaluationView } from './evaluation-view.ts';

const kase = parse(readFileSync(new URL('../../../examples/qingshui-2009.yaml', import.meta.url), 'utf8'));
const engine = loadEngine(kase.policy);
const run = (o: Record<string, string> = {}): ZerenResult => {
  const r = engine.evaluate(kase, o);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};
const names: Names = {
  units: new Map(
    kase.units.map((u: { id: string; name: string; kind: string; town?: string }) => [
      u.id,
      { name: u.name, kind: u.kind, town: u.town ?? null },
    ]),
  ),
  people: new Map(kase.people.map((p: { id: string; name: string }) => [p.id, p.name])),
  words: engine.vocabulary,
};
const fen = (r: ZerenResult, type: string) =>
  r.consequences
    .filter((c) => c.type === type)
    .reduce((s, c) => s + Math.round((c.amount_yuan ?? 0) * 100), 0);

describe('evaluation view', () => {
  const result = run();
  const view = evaluationView(result, names, engine.pack);

  it('gives every consequence and withheld entry one line, named and labelled, amounts in fen', () => {
    expect(view.lines).toHaveLength(result.consequences.length + result.withheld.length);
    for (const l of view.lines) {
      const c = l.withheld ? result.withheld[l.index]! : result.consequences[l.index]!;
      expect(l.subject.id).toBe(c.subject.id);
      expect(l.clause).toBe(c.clause);
      expect(l.amount_fen).toBe(c.amount_yuan === undefined ? null : c.amount_yuan * 100);
      expect(l.subject.name).not.toBe(l.subject.id);
      expect(l.type_zh).not.toMatch(/[a-z_]/);
      expect(l.clause_label).toMatch(/^[一二三四五六七八九十]+/);
      expect(l.clause_label).not.toMatch(/[()]/);
    }
    const withheld = view.lines.filter((l) => l.withheld);
    expect(withheld.length).toBe(result.withheld.length);
    expect(
      withheld.every((l) => l.reason_zh === '所在单位本计生年度被评先评优一票否决，暂不兑现（解释I4）'),
    ).toBe(true);
    const shen = view.lines.find((l) => l.subject.id === 'p-shen' && l.type === 'fine')!;
    expect(shen.group).toBe('person');
    expect(shen.via_zh).toBeTruthy();
  });

  it('totals by group add up to the result', () => {
    expect(view.totals.all.rewards_fen).toBe(fen(result, 'reward'));
    expect(view.totals.all.fines_fen).toBe(fen(result, 'fine'));
    expect(view.totals.groups.map((g) => g.group_zh)).toEqual([
      '镇（场）',
      '村（社区、工区）',
      '县直单位',
      '个人',
    ]);
    const sum = (k: 'rewards_fen' | 'fines_fen' | 'lines' | 'withheld') =>
      view.totals.groups.reduce((s, g) => s + g[k], 0);
    expect(sum('rewards_fen')).toBe(view.totals.all.rewards_fen);
    expect(sum('lines')).toBe(result.consequences.length);
    expect(sum('withheld')).toBe(result.withheld.length);
    expect(view.totals.all.withheld_fen).toBe(
      result.withheld.reduce((s, w) => s + (w.amount_yuan ?? 0) * 100, 0),
    );
  });

  it('quotes every clause cited and gives every reading with its values in Chinese', () => {
    for (const l of view.lines) expect(view.clauses[l.clause]?.text.length).toBeGreaterThan(10);
    expect(view.readings.map((r) => r.id)).toEqual(
      [...engine.pack.interpretations.keys()].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))),
    );
    const i10 = view.readings.find((r) => r.id === 'I10')!;
    expect(i10.value).toBe(result.interpretations.I10);
    expect(i10.values.map((v) => v.value)).toContain('two-committees-only');
    for (const r of view.readings)
      expect(`${r.question_zh}${r.value_zh}`).not.toMatch(/[\u4e00-\u9fff][,:;?()]/);
  });
});

describe('changes between two results', () => {
  const base = run();

  it('names what another reading removes, and what it releases from withholding', () => {
    const c = changesOf(compareResults(base, run({ I10: 'two-committees-only' })), names);
    expect(c.map((x) => [x.change, x.change_zh, x.before?.subject.id, x.after])).toEqual([
      ['removed', '取消', 'p-shen', null],
    ]);
    const released = changesOf(compareResults(base, run({ I4: 'no-effect' })), names);
    expect(released).toHaveLength(base.withheld.length);
    expect(released.every((x) => x.change === 'released' && x.before?.withheld && !x.after?.withheld)).toBe(
      true,
    );
    expect(released[0]!.after!.explanation).not.toMatch(/[\u4e00-\u9fff][,:;()]/);
  });

  it('pairs a removed and an added consequence of one subject, type and clause as a change', () => {
    const fine = base.consequences.find((c) => c.type === 'fine')!;
    const other = {
      ...base,
      consequences: base.consequences.map((c) => (c === fine ? { ...c, amount_yuan: 1 } : c)),
    };
    const c = changesOf(compareResults(base, other), names);
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ change: 'changed', change_zh: '变更' });
    expect([c[0]!.before!.amount_fen, c[0]!.after!.amount_fen]).toEqual([fine.amount_yuan! * 100, 100]);
    const gone = { ...base, consequences: base.consequences.filter((x) => x !== fine) };
    expect(changesOf(compareResults(gone, base), names).map((x) => x.change)).toEqual(['added']);
  });
});
