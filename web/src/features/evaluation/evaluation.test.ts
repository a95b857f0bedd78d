import { describe, expect, it } from 'vitest';
import type { Check, Decision, Line, Reading, Receipt, View } from './api.ts';
import {
  changesText,
  checkItems,
  confirmMode,
  deltaFen,
  dependsOn,
  inForce,
  lineByKey,
  lineKey,
  linesOf,
  overrides,
  readingsText,
  receiptState,
} from './helpers.ts';

const line = (over: Partial<Line>): Line => ({
  index: 0,
  withheld: false,
  group: 'person',
  group_zh: '个人',
  subject: { kind: 'person', id: 'p1', name: '张三' },
  via_zh: '东风镇红星村驻村干部',
  type: 'fine',
  type_zh: '罚款',
  clause: '4.3.1.4',
  clause_label: '四（三）1（4）',
  applies: null,
  applies_label: null,
  amount_fen: 80000,
  detail: '',
  rule: 'r',
  depends_on: ['I1', 'I9'],
  reason: null,
  reason_zh: null,
  ...over,
});
const reading = (id: string, value: string, def = value): Reading => ({
  id,
  question_zh: `问题${id}`,
  clauses: [],
  clause_labels: [],
  value,
  value_zh: value,
  default: def,
  values: [{ value, zh: value }],
});
const decision = (id: string, evaluation: string, in_force: boolean): Decision => ({
  id,
  county: 'c',
  fp_year: 2010,
  evaluation_id: evaluation,
  supersedes: null,
  superseded_by: in_force ? null : 'x',
  reason: null,
  fines_due_on: '2010-03-15',
  confirmed_by: 'office',
  confirmed_by_name: '王志刚',
  confirmed_at: '2010-02-26T02:00:00Z',
  in_force,
});
const receipt = (id: string) => ({ id, interpretations: {} }) as unknown as Receipt;

describe('evaluation screen helpers', () => {
  const view = {
    lines: [
      line({}),
      line({
        index: 1,
        subject: { kind: 'person', id: 'p2', name: '李四' },
        clause: '3.2.2',
        clause_label: '三（二）2',
      }),
      line({
        index: 0,
        withheld: true,
        group: 'village',
        subject: { kind: 'unit', id: 'v1', name: '红星村' },
      }),
    ],
  } as unknown as View;

  it('finds the lines of a group by name, post, type or clause', () => {
    expect(linesOf(view, 'person').map((l) => l.subject.name)).toEqual(['张三', '李四']);
    expect(linesOf(view, 'person', '李').map((l) => l.subject.name)).toEqual(['李四']);
    expect(linesOf(view, 'person', '三（二）').map((l) => l.subject.name)).toEqual(['李四']);
    expect(linesOf(view, 'person', ' 4.3.1.4 ').map((l) => l.subject.name)).toEqual(['张三']);
    expect(linesOf(view, 'village')).toHaveLength(1);
    expect(linesOf(view, 'town')).toEqual([]);
  });

  it('keys a line by given or withheld and its place, and finds it again', () => {
    expect(view.lines.map(lineKey)).toEqual(['c0', 'c1', 'w0']);
    expect(lineByKey(view, 'w0')?.subject.name).toBe('红星村');
    expect(lineByKey(view, 'c9')).toBeUndefined();
    expect(lineByKey(undefined, 'c0')).toBeUndefined();
  });

  it("says what a receipt is for the year's decisions", () => {
    const ds = [decision('d1', 'e1', false), decision('d2', 'e2', true)];
    expect(inForce(ds)?.id).toBe('d2');
    expect(receiptState(receipt('e2'), ds, 'e3').map((s) => s.text)).toEqual(['现行决定']);
    expect(receiptState(receipt('e1'), ds, 'e3').map((s) => s.text)).toEqual(['已被更正的决定']);
    expect(receiptState(receipt('e3'), ds, 'e3').map((s) => s.text)).toEqual(['最新评定，未确认']);
    expect(receiptState(receipt('e2'), ds, 'e2').map((s) => s.text)).toEqual(['现行决定']);
    expect(confirmMode([])).toEqual({ correction: false });
    expect(confirmMode(ds)).toMatchObject({ correction: true, supersedes: { id: 'd2' } });
  });

  it('sends only the readings chosen differently, and names those off the defaults', () => {
    const rs = [reading('I1', 'any-time'), reading('I2', 'whole-town'), reading('I10', 'x', 'all')];
    expect(overrides(rs, { I1: 'any-time', I2: 'sampled-villages-only' })).toEqual({
      I2: 'sampled-villages-only',
    });
    expect(overrides(rs, {})).toEqual({});
    expect(readingsText({ I1: 'any-time', I10: 'x' }, rs)).toBe('非默认：I10');
    expect(readingsText({ I1: 'any-time' }, rs)).toBe('默认解读');
    expect(dependsOn(line({}), rs).map((r) => r.id)).toEqual(['I1']);
  });

  it('counts changes in words and says which way money moves', () => {
    expect(changesText([])).toBe('没有变化');
    expect(
      changesText([
        { change: 'added', change_zh: '新增' },
        { change: 'removed', change_zh: '取消' },
        { change: 'added', change_zh: '新增' },
      ]),
    ).toBe('新增 2 项，取消 1 项');
    expect(deltaFen(100, 100)).toEqual({ sign: 'same', fen: 0 });
    expect(deltaFen(100, 250)).toEqual({ sign: 'up', fen: 150 });
    expect(deltaFen(250, 100)).toEqual({ sign: 'down', fen: 150 });
  });

  it("words a receipt's check", () => {
    const c = {
      id: 'e',
      reproduces: true,
      case_intact: true,
      same_pack: false,
      same_engine: true,
      differences: [],
      towns: [],
      verdict_zh: '',
    } as Check;
    expect(checkItems(c).map((i) => [i.label, i.ok])).toEqual([
      ['重新评定的结果与回执相同', true],
      ['存档的案件数据完整', true],
      ['政策包已与评定时不同', false],
      ['评定引擎版本与评定时相同', true],
    ]);
    // A town pack's (七) result kept with the receipt that no longer reproduces.
    const town = { town: 't1', pack: 'p', same_pack: true };
    expect(
      checkItems({
        ...c,
        towns: [
          { ...town, reproduces: true },
          { ...town, reproduces: false },
        ],
      }).at(-1),
    ).toEqual({ label: '镇级办法的结果与回执不同', ok: false });
  });
});
