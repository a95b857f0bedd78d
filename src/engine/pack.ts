// A policy pack is data: the clause text, dated parameters, named interpretations, rules and
// duties. This module reads the parts (already parsed from YAML by the caller: the engine touches
// no file) and checks them; a pack with any problem does not load.

import { isIsoDate } from '../domain/dates.ts';
import { InvalidInput, type Problem } from '../domain/problems.ts';
import type { Vocabulary } from '../domain/vocabulary.ts';
import { Checker, isObj, type Obj } from './check.ts';
import { type Clause, parseClauseText } from './clauses.ts';
import { readVocabulary } from './vocabulary.ts';

export const PACK_FORMAT = 'zeren-pack/1';

export interface PackSource {
  /** pack.yaml, parsed */
  manifest: unknown;
  /** text.md, as written */
  text: string;
  parameters: unknown;
  /** Absent for a town pack: it reads the county's interpretations. */
  interpretations?: unknown;
  rules: unknown;
  duties?: unknown;
  /** vocabulary.yaml, parsed; a town pack's is optional (its own words beside the county's). */
  vocabulary?: unknown;
}

export interface Parameter {
  name: string;
  clause: string;
  zh: string;
  /** yuan (held as fen), count (a ranking cut-off), score (a bound of a score, in points), text. */
  unit: 'yuan' | 'count' | 'score' | 'text';
  /** Ascending by valid_from. Amounts in yuan as written. */
  values: { valid_from: string; value: number | string }[];
}

export interface Interpretation {
  id: string;
  clauses: string[];
  question: string;
  question_zh: string;
  default: string;
  values: Record<string, { en: string; zh: string }>;
}

export interface PackMeta {
  id: string;
  title: string;
  title_en?: string;
  issued_by?: string;
  issued_on?: string;
  firstFpYear: number;
  repeals: string[];
  consequenceClauses: string[];
  /**
   * Clauses that found a workflow rather than a consequence, by the workflow they found (the
   * 警示通知书 the office issues: `warning_notice`); the papers of that workflow cite them.
   */
  workflowClauses: Partial<Record<WorkflowClause, string>>;
  /** county: a county's policy; town: a town's own rules (七) beside the county pack it extends. */
  kind: 'county' | 'town';
  /** A town pack: the county pack whose vocabulary and readings it uses. */
  extends?: string;
  /** A town pack: the town (its unit id) whose units and people it alone applies to. */
  appliesTo?: string;
  /** Shipped as an example, not as any real town's rules. */
  example: boolean;
  /** A town pack: the short name its clauses are cited under (东风镇办法). */
  clausePrefix?: string;
}

/** The workflows whose papers cite the clause that founds them. */
export const WORKFLOW_CLAUSES = ['warning_notice'] as const;
export type WorkflowClause = (typeof WORKFLOW_CLAUSES)[number];

/** A pack whose parts are each well formed; rules are checked and compiled by rules.ts. */
export interface Pack extends PackMeta {
  clauses: Map<string, Clause>;
  parameters: Map<string, Parameter>;
  interpretations: Map<string, Interpretation>;
  /** rules.yaml as parsed; compiled by rules.ts */
  rulesSource: Obj;
  duties: Obj;
  /** The words a case, the rules and the tests may name, with their labels (a town's: the county's and its own). */
  vocabulary: Vocabulary;
}

/** Reads a pack; a town pack is read beside the county pack it extends (`base`). */
export function readPack(src: PackSource, base?: Pack): Pack {
  const c = new Checker();
  const m = c.object(src.manifest, 'pack.yaml') ?? {};
  const format = c.string(m, 'format', 'pack.yaml');
  if (format !== undefined && format !== PACK_FORMAT)
    c.add('pack.yaml.format', 'format', `应为 ${PACK_FORMAT}`, `must be ${PACK_FORMAT}`);
  const meta: PackMeta = {
    id: c.string(m, 'id', 'pack.yaml') ?? '',
    title: c.string(m, 'title', 'pack.yaml') ?? '',
    title_en: c.string(m, 'title_en', 'pack.yaml', false),
    issued_by: c.string(m, 'issued_by', 'pack.yaml', false),
    issued_on: c.date(m, 'issued_on', 'pack.yaml', false),
    firstFpYear: c.integer(m, 'first_fp_year', 'pack.yaml', 1900, 2200) ?? 0,
    repeals: c.ids(m, 'repeals', 'pack.yaml'),
    consequenceClauses: c.ids(m, 'consequence_clauses', 'pack.yaml'),
    workflowClauses: {},
    kind: c.oneOf(m, 'kind', ['county', 'town'] as const, 'pack.yaml', false) ?? 'county',
    example: c.boolean(m, 'example', 'pack.yaml', false) ?? false,
  };
  if (meta.kind === 'town') {
    meta.extends = c.string(m, 'extends', 'pack.yaml');
    meta.appliesTo = c.string(m, 'applies_to', 'pack.yaml');
    if (!base)
      c.add(
        'pack.yaml.extends',
        'extends',
        '镇策略包须与所依据的县策略包一同加载',
        'a town pack loads beside the county pack it extends',
      );
    else if (meta.extends !== undefined && meta.extends !== base.id)
      c.add(
        'pack.yaml.extends',
        'extends',
        `应为所依据的县策略包 ${base.id}`,
        `must name the county pack it is loaded beside, ${base.id}`,
      );
    if (src.interpretations !== undefined)
      c.add(
        'interpretations.yaml',
        'town_interpretations',
        '镇策略包沿用县策略包的解释，不能自设',
        "a town pack reads the county pack's interpretations and cannot set its own",
      );
  }
  const clausePrefix = c.string(m, 'clause_prefix', 'pack.yaml', meta.kind === 'town');
  if (clausePrefix) meta.clausePrefix = clausePrefix;

  const text = parseClauseText(src.text);
  for (const p of text.problems) c.add(`text.md:${p.line}`, 'clause_text', p.zh, p.en);
  const clauses = text.clauses;
  // A town's clauses are labelled with its rules' short name, so that they never read as the county's.
  if (clausePrefix) for (const cl of clauses.values()) cl.label = `${clausePrefix}${cl.label}`;
  const clauseExists = (id: unknown, path: string) => {
    if (typeof id !== 'string' || !clauses.has(id))
      c.add(
        path,
        'unknown_clause',
        `条款 ${String(id)} 不存在于 text.md`,
        `clause ${String(id)} is not in text.md`,
      );
  };
  meta.consequenceClauses.forEach((id, i) => {
    clauseExists(id, `pack.yaml.consequence_clauses[${i}]`);
  });
  const founding =
    m.workflow_clauses === undefined
      ? {}
      : (c.object(m.workflow_clauses, 'pack.yaml.workflow_clauses') ?? {});
  c.fields(founding, WORKFLOW_CLAUSES, 'pack.yaml.workflow_clauses');
  for (const w of WORKFLOW_CLAUSES) {
    if (founding[w] === undefined) continue;
    clauseExists(founding[w], `pack.yaml.workflow_clauses.${w}`);
    if (typeof founding[w] === 'string') meta.workflowClauses[w] = founding[w];
  }

  const vocabulary = readVocabulary(src.vocabulary, c, base?.vocabulary);
  const parameters = readParameters(src.parameters, c, clauseExists, vocabulary);
  const interpretations =
    meta.kind === 'town'
      ? (base?.interpretations ?? new Map<string, Interpretation>())
      : readInterpretations(src.interpretations, c, clauseExists);
  const rulesSource = c.object(src.rules, 'rules.yaml') ?? {};
  const duties = readDuties(src.duties, c, clauseExists, vocabulary);
  if (c.problems.length > 0) throw new InvalidInput(c.problems);
  return { ...meta, clauses, parameters, interpretations, rulesSource, duties, vocabulary };
}

function readParameters(
  raw: unknown,
  c: Checker,
  clauseExists: (id: unknown, path: string) => void,
  vocabulary: Vocabulary,
) {
  const out = new Map<string, Parameter>();
  const root = c.object(raw, 'parameters.yaml');
  const params = root && c.object(root.parameters, 'parameters.yaml.parameters');
  for (const [name, v] of Object.entries(params ?? {})) {
    const path = `parameters.yaml.${name}`;
    const o = c.object(v, path);
    if (!o) continue;
    // score_min_<assessor>, score_max_<assessor>: the range of an assessor's scores.
    const by = /^score_(?:min|max)_(.+)$/.exec(name)?.[1];
    if (by !== undefined && !Object.hasOwn(vocabulary.assessors, by))
      c.add(path, 'unknown_word', `没有考核机关 ${by}`, `no assessor ${by} in the vocabulary`);
    c.fields(o, ['clause', 'zh', 'unit', 'values'], path);
    clauseExists(o.clause, `${path}.clause`);
    const unit = c.oneOf(o, 'unit', ['yuan', 'count', 'score', 'text'] as const, path);
    const values: Parameter['values'] = [];
    c.list(o, 'values', path, true).forEach((dv, i) => {
      const p = `${path}.values[${i}]`;
      const d = c.object(dv, p);
      if (!d) return;
      const from = c.date(d, 'valid_from', p);
      const value = d.value;
      const ok =
        unit === 'text'
          ? typeof value === 'string' && value !== ''
          : typeof value === 'number' && Number.isInteger(value) && value >= 0;
      if (!ok) c.add(`${p}.value`, 'value', `取值不符合单位 ${unit}`, `value does not fit unit ${unit}`);
      else if (from) values.push({ valid_from: from, value: value as number | string });
    });
    values.sort((a, b) => (a.valid_from < b.valid_from ? -1 : 1));
    if (values.length === 0)
      c.add(`${path}.values`, 'required', '至少需要一个取值', 'needs at least one value');
    if (unit) out.set(name, { name, clause: String(o.clause), zh: String(o.zh ?? ''), unit, values });
  }
  return out;
}

function readInterpretations(raw: unknown, c: Checker, clauseExists: (id: unknown, path: string) => void) {
  const out = new Map<string, Interpretation>();
  const root = c.object(raw, 'interpretations.yaml');
  const all = root && c.object(root.interpretations, 'interpretations.yaml.interpretations');
  for (const [id, v] of Object.entries(all ?? {})) {
    const path = `interpretations.yaml.${id}`;
    const o = c.object(v, path);
    if (!o) continue;
    c.fields(o, ['clauses', 'question', 'question_zh', 'default', 'values'], path);
    const clauses = c.ids(o, 'clauses', path);
    clauses.forEach((cl, i) => {
      clauseExists(cl, `${path}.clauses[${i}]`);
    });
    const values: Interpretation['values'] = {};
    for (const [name, dv] of Object.entries(c.object(o.values, `${path}.values`) ?? {})) {
      const d = isObj(dv) ? dv : {};
      values[name] = { en: String(d.en ?? ''), zh: String(d.zh ?? '') };
    }
    const def = c.oneOf(o, 'default', Object.keys(values), path);
    if (def === undefined) continue;
    out.set(id, {
      id,
      clauses,
      question: c.string(o, 'question', path) ?? '',
      question_zh: c.string(o, 'question_zh', path) ?? '',
      default: def,
      values,
    });
  }
  return out;
}

function readDuties(
  raw: unknown,
  c: Checker,
  clauseExists: (id: unknown, path: string) => void,
  v: Vocabulary,
): Obj {
  if (raw === undefined) return {};
  const root = c.object(raw, 'duties.yaml') ?? {};
  c.list(root, 'duties', 'duties.yaml').forEach((d, i) => {
    const path = `duties.yaml.duties[${i}]`;
    const o = c.object(d, path);
    if (!o) return;
    clauseExists(o.clause, `${path}.clause`);
    if (isObj(o.holder)) checkHolder(o.holder, `${path}.holder`, c, v);
  });
  if (isObj(root.roster)) clauseExists(root.roster.clause, 'duties.yaml.roster.clause');
  return root;
}

/** A duty's holder names a kind of unit and its posts, or a kind of link, of the vocabulary. */
function checkHolder(h: Obj, path: string, c: Checker, v: Vocabulary): void {
  const unknown = (p: string, what: string, en: string, code: unknown) =>
    c.add(p, 'unknown_word', `没有${what} ${String(code)}`, `no ${en} ${String(code)} in the vocabulary`);
  if (h.link !== undefined && !(typeof h.link === 'string' && Object.hasOwn(v.link_kinds, h.link)))
    unknown(`${path}.link`, '挂钩关系类型', 'link kind', h.link);
  if (h.unit_kind === undefined) return;
  const kind =
    typeof h.unit_kind === 'string' && Object.hasOwn(v.unit_kinds, h.unit_kind)
      ? v.unit_kinds[h.unit_kind]
      : undefined;
  if (!kind) {
    unknown(`${path}.unit_kind`, '单位类型', 'unit kind', h.unit_kind);
    return;
  }
  c.ids(h, 'roles', path).forEach((r, i) => {
    if (!Object.hasOwn(kind.roles, r)) unknown(`${path}.roles[${i}]`, '职务', 'post', r);
  });
}

/** The parameter values in force for an FP year starting on `yearStart`; amounts in fen. */
export function parametersInForce(
  pack: Pack,
  yearStart: string,
): { values: Map<string, number | string>; missing: Problem[] } {
  const values = new Map<string, number | string>();
  const missing: Problem[] = [];
  for (const p of pack.parameters.values()) {
    let current: number | string | undefined;
    for (const v of p.values) if (isIsoDate(v.valid_from) && v.valid_from <= yearStart) current = v.value;
    if (current === undefined)
      missing.push({
        path: 'fp_year',
        code: 'not_in_force',
        zh: `参数 ${p.name} 在 ${yearStart} 尚未生效`,
        en: `parameter ${p.name} is not in force on ${yearStart}`,
      });
    else values.set(p.name, p.unit === 'yuan' ? (current as number) * 100 : current);
  }
  return { values, missing };
}
