// The policy pack as a reader explores it (the 政策 screen and `zeren policy clause`): every clause's
// text beside the rules that cite it, the parameters in force on a day, the interpretations
// (I1–I13) with their values and default, and the policy tests that cover each clause. Pure: the
// caller hands in the loaded engine and the pack's tests (pack-cases.ts reads them).

import { fpYearOf } from '../domain/dates.ts';
import { yuanText } from '../domain/money.ts';
import type { Vocabulary } from '../domain/vocabulary.ts';
import { zhPunct } from '../domain/zh-punct.ts';
import type { Engine } from '../engine/engine.ts';
import type { Parameter } from '../engine/pack.ts';

/** A policy test as the explorer lists it (a case of policies/<pack>/tests/*.yaml). */
export interface TestRef {
  file: string;
  name: string;
  covers: string[];
}

export interface ParameterView {
  name: string;
  clause: string;
  zh: string;
  unit: Parameter['unit'];
  unit_zh: string;
  /** In force on the day asked about (amounts in fen for `yuan`), null before its first value. */
  value: number | string | null;
  /** The value as a person reads it: 10,000.00元, 前10名, 100分, the title itself. */
  value_zh: string | null;
  valid_from: string | null;
  /** Every dated value, oldest first, as written in parameters.yaml (amounts in yuan). */
  history: { valid_from: string; value: number | string }[];
}

export interface RuleView {
  id: string;
  cites: string;
  /** Another rule's clause whose consequences this rule applies (四(三)2(2) 按第1条第(1)项). */
  applies: string | null;
  /** What the rule looks at, when it holds, and what it gives to whom, as written in rules.yaml. */
  looks_at: string;
  condition: string | null;
  gives: string[];
  parameters: string[];
  interpretations: string[];
}

export interface InterpretationView {
  id: string;
  clauses: string[];
  question: string;
  question_zh: string;
  default: string;
  values: { value: string; zh: string; en: string; is_default: boolean }[];
  tests: TestRef[];
}

export interface ClauseView {
  id: string;
  label: string;
  text: string;
  rules: RuleView[];
  parameters: ParameterView[];
  interpretations: string[];
  tests: TestRef[];
}

export interface PolicyView {
  id: string;
  title: string;
  title_en: string | null;
  issued_by: string | null;
  issued_on: string | null;
  first_fp_year: number;
  pack_hash: string;
  as_of: string;
  fp_year: number;
  clauses: ClauseView[];
  parameters: ParameterView[];
  interpretations: InterpretationView[];
  tests_total: number;
  /** The pack's words with their labels (vocabulary.yaml). */
  vocabulary: Vocabulary;
}

export const UNIT_ZH: Record<Parameter['unit'], string> = {
  yuan: '元',
  count: '名次',
  score: '分',
  text: '称号',
};

/** A parameter value as a person reads it. */
export function valueZh(unit: Parameter['unit'], value: number | string, inFen = true): string {
  if (unit === 'yuan') return yuanText(inFen ? Number(value) : Number(value) * 100);
  if (unit === 'count') return `前${value}名`;
  if (unit === 'score') return `${value}分`;
  return String(value);
}

export function parameterOn(p: Parameter, day: string): ParameterView {
  let current: Parameter['values'][number] | undefined;
  for (const v of p.values) if (v.valid_from <= day) current = v;
  const value =
    current === undefined ? null : p.unit === 'yuan' ? Number(current.value) * 100 : current.value;
  return {
    name: p.name,
    clause: p.clause,
    zh: zhPunct(p.zh),
    unit: p.unit,
    unit_zh: UNIT_ZH[p.unit],
    value,
    value_zh: value === null ? null : valueZh(p.unit, value),
    valid_from: current?.valid_from ?? null,
    history: p.values.map((v) => ({ ...v })),
  };
}

/** A YAML fragment of rules.yaml in one line: `{ to: subject, give: [award_veto] }`. */
export function flow(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(flow).join(', ')}]`;
  if (v !== null && typeof v === 'object')
    return `{ ${Object.entries(v)
      .map(([k, x]) => `${k}: ${flow(x)}`)
      .join(', ')} }`;
  return String(v);
}

/** Every string anywhere in a value (the names a rule mentions). */
function words(v: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof v === 'string') out.add(v);
  else if (Array.isArray(v)) for (const x of v) words(x, out);
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      out.add(k);
      words(x, out);
    }
  return out;
}

function ruleView(raw: Record<string, unknown>, engine: Engine): RuleView {
  const mentioned = words([raw.for, raw.when, raw.then]);
  const applied = raw.apply ? engine.rules.rules.find((r) => r.id === raw.apply) : undefined;
  const appliedRaw = applied
    ? ((engine.pack.rulesSource.rules as Record<string, unknown>[]) ?? []).find((r) => r.id === applied.id)
    : undefined;
  if (appliedRaw) words(appliedRaw.then, mentioned);
  return {
    id: String(raw.id),
    cites: String(raw.cites),
    applies: applied ? applied.clause : null,
    looks_at: flow(raw.for),
    condition: raw.when === undefined ? null : flow(raw.when),
    gives: raw.apply ? [`apply: ${String(raw.apply)}`] : ((raw.then as unknown[]) ?? []).map(flow),
    parameters: [...engine.pack.parameters.keys()].filter((n) => mentioned.has(n)),
    interpretations: [...engine.pack.interpretations.keys()].filter((n) => mentioned.has(n)),
  };
}

/** Clause ids in reading order: 1, 1.1, 2, 2.4, 3.1.1, 3.1.2, …, 4.3.1.10. */
export function byClause(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

/**
 * The whole pack as the explorer shows it, with the parameters in force on `asOf`. Chinese texts
 * of the pack's YAML (written with ASCII marks) come out with full-width punctuation.
 */
export function policyView(engine: Engine, packTests: readonly TestRef[], asOf: string): PolicyView {
  const p = engine.pack;
  const tests = packTests.map((t) => ({ ...t, name: zhPunct(t.name) }));
  const rawRules = (p.rulesSource.rules as Record<string, unknown>[]) ?? [];
  const rules = rawRules.map((r) => ruleView(r, engine));
  const parameters = [...p.parameters.values()].map((x) => parameterOn(x, asOf));
  const paramByName = new Map(parameters.map((x) => [x.name, x]));
  const withhold = engine.rules.withhold;
  const covering = (id: string) => tests.filter((t) => t.covers.includes(id));
  const clauses: ClauseView[] = [...p.clauses.values()].map((c) => {
    const citing = rules.filter((r) => r.cites === c.id);
    const names = new Set([
      ...parameters.filter((x) => x.clause === c.id).map((x) => x.name),
      ...citing.flatMap((r) => r.parameters),
    ]);
    const readings = new Set([
      ...[...p.interpretations.values()].filter((i) => i.clauses.includes(c.id)).map((i) => i.id),
      ...citing.flatMap((r) => r.interpretations),
      ...(withhold?.clauses.has(c.id) ? [withhold.interpretation] : []),
    ]);
    return {
      id: c.id,
      label: c.label,
      text: c.text,
      rules: citing,
      parameters: [...names].map((n) => paramByName.get(n)!).filter(Boolean),
      interpretations: [...p.interpretations.keys()].filter((i) => readings.has(i)),
      tests: covering(c.id),
    };
  });
  clauses.sort((a, b) => byClause(a.id, b.id));
  return {
    id: p.id,
    title: p.title,
    title_en: p.title_en ?? null,
    issued_by: p.issued_by ?? null,
    issued_on: p.issued_on ?? null,
    first_fp_year: p.firstFpYear,
    pack_hash: engine.packHash,
    as_of: asOf,
    fp_year: fpYearOf(asOf),
    clauses,
    parameters,
    interpretations: [...p.interpretations.values()].map((i) => ({
      id: i.id,
      clauses: i.clauses,
      question: i.question,
      question_zh: zhPunct(i.question_zh),
      default: i.default,
      values: Object.entries(i.values).map(([value, d]) => ({
        value,
        zh: zhPunct(d.zh),
        en: d.en,
        is_default: value === i.default,
      })),
      tests: covering(i.id),
    })),
    tests_total: tests.length,
    vocabulary: engine.vocabulary,
  };
}

/** One clause of the view, by id (3.1.1) or by its label (三（一）1, 三(一)1). */
export function findClause(view: PolicyView, key: string): ClauseView | undefined {
  const k = key.trim().replace(/[（）]/g, (c) => (c === '（' ? '(' : ')'));
  return view.clauses.find(
    (c) => c.id === k || c.label.replace(/[（）]/g, (x) => (x === '（' ? '(' : ')')) === k,
  );
}
