// Reads rules.yaml into checked rules (the first half of compiling it; rules.ts is the second). A
// rule that cites no clause or a clause that does not exist, names an unknown word, parameter or
// interpretation value, or gives a consequence its group cannot receive, is a problem with its
// path, and the pack does not load. A rule that applies another's `then` gets its blocks here.
// Nothing here is a closure over a case, but the generators and groups it asks for.

import type { ConsequenceType } from '../domain/vocabulary.ts';
import { type Checker, isObj, type Obj } from './check.ts';
import { compileGenerator, type Generator } from './generators.ts';
import { compileGroups, type RecipientGroup } from './groups.ts';
import type { Pack } from './pack.ts';

/** A `when` as written, checked: the tests it names and how they combine. */
export type CondSpec =
  | { all: CondSpec[] }
  | { any: CondSpec[] }
  | { not: CondSpec }
  | { interpretation: [string, string][] }
  | { outcome: Set<string> }
  | { county_assessment: 'passing' }
  | { linked_villages: 'all_passing' }
  /** A condition the checker refused (the pack does not load). */
  | { never: true };

export interface GiveSpec {
  type: ConsequenceType;
  /** Parameter holding the amount (fen) or the title. */
  param?: string;
  /** I11 per-village: the amount times the binding's villages. */
  perVillage?: boolean;
}

export interface BlockSpec {
  groups: RecipientGroup[];
  gives: GiveSpec[];
  when?: CondSpec;
  deps: string[];
  /** The tests its `when` names (see RuleSpec.tests). */
  tests: string[];
}

export interface RuleSpec {
  id: string;
  clause: string;
  applies?: string;
  gen: Generator;
  when?: CondSpec;
  /**
   * The tests its `when` names: interpretation, outcome, county_assessment, linked_villages, and
   * any / not when it is more than a conjunction of those.
   */
  tests: string[];
  blocks: BlockSpec[];
}

export interface RulesSpec {
  rules: RuleSpec[];
  withhold?: { interpretation: string; value: string; clauses: Set<string> };
  /** The consequence types the pack has the office forward as personnel recommendations. */
  personnel: ReadonlySet<ConsequenceType>;
}

const PERSON_ONLY = new Set([
  'appraisal_cap',
  'dismissal_or_demotion',
  'three_stops',
  'transfer_promotion_freeze',
  'admonishment_talk',
]);
const UNIT_ONLY = new Set(['plaque', 'honour_title', 'report_to_superior']);
const AMOUNT = new Set(['reward', 'fine']);

function byNumber(a: string, b: string): number {
  return Number(a.slice(1)) - Number(b.slice(1));
}

interface Pending {
  rule: RuleSpec;
  base: BlockSpec[];
  apply?: string;
  path: string;
  ruleDeps: Set<string>;
}

/** What every step reads: the pack, the checker that collects problems, the pack's words. */
interface Reader {
  pack: Pack;
  c: Checker;
  words: Pack['vocabulary'];
  paramUnits: Map<string, string>;
  types: string[];
}

export function parseRules(pack: Pack, c: Checker): RulesSpec {
  const src = pack.rulesSource;
  c.fields(src, ['rules', 'withhold', 'personnel'], 'rules.yaml');
  const words = pack.vocabulary;
  const r: Reader = {
    pack,
    c,
    words,
    paramUnits: new Map([...pack.parameters].map(([k, v]) => [k, v.unit])),
    types: Object.keys(words.consequence_types),
  };
  const ids = new Set<string>();
  const pending = c
    .list(src, 'rules', 'rules.yaml', true)
    .map((raw, i) => parseRule(r, raw, `rules.yaml.rules[${i}]`, `#${i}`, ids))
    .filter((p): p is Pending => p !== undefined);
  const withhold = parseWithhold(r, src);
  resolveApplies(r, pending, withhold);
  checkCovered(r, pending);
  return { rules: pending.map((p) => p.rule), withhold, personnel: parsePersonnel(r, src) };
}

/** One rule: its id, clause, generator, `when` and blocks; undefined when it cannot be used. */
function parseRule(
  r: Reader,
  raw: unknown,
  path: string,
  fallbackId: string,
  ids: Set<string>,
): Pending | undefined {
  const { c, pack } = r;
  const o = c.object(raw, path);
  if (!o) return undefined;
  c.fields(o, ['id', 'cites', 'for', 'when', 'then', 'apply'], path);
  const id = c.string(o, 'id', path) ?? fallbackId;
  if (ids.has(id)) c.add(`${path}.id`, 'duplicate', `规则编号 ${id} 重复`, `rule id ${id} is used twice`);
  ids.add(id);
  const clause = typeof o.cites === 'string' ? o.cites : undefined;
  if (!clause) c.add(`${path}.cites`, 'required', '规则必须引用条款', 'a rule must cite a clause');
  else if (!pack.clauses.has(clause))
    c.add(
      `${path}.cites`,
      'unknown_clause',
      `条款 ${clause} 不存在于 text.md`,
      `clause ${clause} is not in text.md`,
    );
  const gen = compileGenerator(o.for, `${path}.for`, c, { params: r.paramUnits, words: r.words });
  const ruleDeps = new Set<string>(gen?.deps ?? []);
  const tests = new Set<string>();
  const when = o.when === undefined ? undefined : parseCond(r, o.when, `${path}.when`, ruleDeps, tests);
  if ((o.then === undefined) === (o.apply === undefined))
    c.add(path, 'then', '应有 then 或 apply 之一', 'needs exactly one of then and apply');
  const blocks = c
    .list(o, 'then', path)
    .map((bRaw, j) => parseBlock(r, bRaw, `${path}.then[${j}]`, gen))
    .filter((b): b is BlockSpec => b !== undefined);
  if (!gen || !clause) return undefined;
  return {
    rule: { id, clause, gen, when, tests: [...tests], blocks: [] },
    base: blocks,
    apply: typeof o.apply === 'string' ? o.apply : undefined,
    path,
    ruleDeps,
  };
}

/** One block of a rule's `then`: to whom, what, and when. */
function parseBlock(r: Reader, raw: unknown, bp: string, gen: Generator | undefined): BlockSpec | undefined {
  const { c } = r;
  const bo = c.object(raw, bp);
  if (!bo) return undefined;
  c.fields(bo, ['to', 'give', 'when'], bp);
  const groups = compileGroups(bo.to, `${bp}.to`, c, r.words);
  const subjectKind = gen?.yields.includes('person') ? 'person' : 'unit';
  const kinds = new Set(groups.map((g) => (g.memberKind === 'subject' ? subjectKind : g.memberKind)));
  for (const g of groups)
    if (g.needs && gen && !gen.yields.every((k) => g.needs!.includes(k)))
      c.add(
        `${bp}.to`,
        'wrong_subject',
        `该对象组需要 ${g.needs.join('/')} 的考察对象`,
        `this group needs a binding of ${g.needs.join('/')}`,
      );
  const blockDeps = new Set<string>(groups.flatMap((g) => g.deps));
  const blockTests = new Set<string>();
  const bwhen =
    bo.when === undefined ? undefined : parseCond(r, bo.when, `${bp}.when`, blockDeps, blockTests);
  const gives = c
    .list(bo, 'give', bp, true)
    .map((g, k) => parseGive(r, g, `${bp}.give[${k}]`, kinds))
    .filter((g): g is GiveSpec => g !== undefined);
  if (gives.some((g) => g.perVillage)) blockDeps.add('I11');
  return { groups, gives, when: bwhen, deps: [...blockDeps], tests: [...blockTests] };
}

/** `interpretation: {I2: value}`: each reading named, with a value it has; the ids join `deps`. */
function interpretationPairs(r: Reader, o: Obj, path: string, deps: Set<string>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [id, value] of Object.entries(o)) {
    const it = r.pack.interpretations.get(id);
    if (!it) r.c.add(`${path}.${id}`, 'unknown_interpretation', `没有解释 ${id}`, `no interpretation ${id}`);
    else if (typeof value !== 'string' || !(value in it.values))
      r.c.add(
        `${path}.${id}`,
        'enum',
        `解释 ${id} 没有取值 ${String(value)}`,
        `interpretation ${id} has no value ${String(value)}`,
      );
    else {
      pairs.push([id, value]);
      deps.add(id);
    }
  }
  return pairs;
}

/** A `when`: exactly one test, its readings joining `deps` and its name `tests`. */
function parseCond(r: Reader, raw: unknown, path: string, deps: Set<string>, tests: Set<string>): CondSpec {
  const { c, words } = r;
  const never: CondSpec = { never: true };
  if (!isObj(raw) || Object.keys(raw).length !== 1) {
    c.add(path, 'when', '条件应恰有一项', 'a condition names exactly one test');
    return never;
  }
  const [name, arg] = Object.entries(raw)[0]!;
  const p = `${path}.${name}`;
  if (name !== 'all') tests.add(name);
  if (name === 'all' || name === 'any') {
    const parts = (Array.isArray(arg) ? arg : []).map((x, i) => parseCond(r, x, `${p}[${i}]`, deps, tests));
    if (!Array.isArray(arg)) c.add(p, 'type', '应为列表', 'must be a list');
    return name === 'all' ? { all: parts } : { any: parts };
  }
  if (name === 'not') return { not: parseCond(r, arg, p, deps, tests) };
  if (name === 'interpretation' && isObj(arg))
    return { interpretation: interpretationPairs(r, arg, p, deps) };
  if (name === 'outcome' && Array.isArray(arg)) {
    const set = new Set(arg.map(String));
    arg.forEach((o, i) => {
      if (!Object.hasOwn(words.outcomes, String(o)))
        c.add(
          `${p}[${i}]`,
          'unknown_word',
          `没有考核结论 ${String(o)}`,
          `no outcome ${String(o)} in the vocabulary`,
        );
    });
    return { outcome: set };
  }
  if (name === 'county_assessment' && arg === 'passing') return { county_assessment: 'passing' };
  if (name === 'linked_villages' && arg === 'all_passing') {
    deps.add('I1');
    return { linked_villages: 'all_passing' };
  }
  c.add(p, 'unknown_condition', `未知的条件 ${name}`, `unknown condition ${name}`);
  return never;
}

/** One consequence a block gives: a type, with the parameter of its amount or title. */
function parseGive(r: Reader, raw: unknown, path: string, memberKinds: Set<string>): GiveSpec | undefined {
  const { c, types } = r;
  let spec: GiveSpec | undefined;
  if (typeof raw === 'string' && types.includes(raw) && !AMOUNT.has(raw) && raw !== 'honour_title')
    spec = { type: raw as ConsequenceType };
  else if (isObj(raw)) {
    const type = Object.keys(raw).find((k) => k !== 'per');
    const param = type ? raw[type] : undefined;
    if (
      type &&
      types.includes(type) &&
      (AMOUNT.has(type) || type === 'honour_title') &&
      typeof param === 'string'
    ) {
      const want = type === 'honour_title' ? 'text' : 'yuan';
      if (r.paramUnits.get(param) !== want)
        c.add(
          `${path}.${type}`,
          'unknown_parameter',
          `没有${want === 'text' ? '称号' : '金额'}参数 ${param}`,
          `no ${want} parameter ${param}`,
        );
      spec = { type: type as ConsequenceType, param, perVillage: raw.per === 'village' };
      if (raw.per !== undefined && raw.per !== 'village')
        c.add(`${path}.per`, 'enum', '只能为 village', 'must be village');
    }
  }
  if (!spec) {
    c.add(
      path,
      'unknown_consequence',
      `未知的后果，可为：${types.join('、')}`,
      `unknown consequence; use one of: ${types.join(', ')}`,
    );
    return undefined;
  }
  if (
    (PERSON_ONLY.has(spec.type) && memberKinds.has('unit')) ||
    (UNIT_ONLY.has(spec.type) && memberKinds.has('person'))
  )
    c.add(
      path,
      'wrong_subject',
      `${spec.type} 不能给予该对象组`,
      `${spec.type} cannot be given to this group`,
    );
  return spec;
}

/** `withhold`: the reading under which the clauses named give nothing (I4). */
function parseWithhold(r: Reader, src: Obj): RulesSpec['withhold'] {
  const { c, pack } = r;
  if (src.withhold === undefined) return undefined;
  const w = c.object(src.withhold, 'rules.yaml.withhold') ?? {};
  const pairs = isObj(w.interpretation)
    ? interpretationPairs(r, w.interpretation, 'rules.yaml.withhold.interpretation', new Set())
    : [];
  const clauses = c.ids(w, 'clauses', 'rules.yaml.withhold');
  clauses.forEach((cl, i) => {
    if (!pack.clauses.has(cl))
      c.add(`rules.yaml.withhold.clauses[${i}]`, 'unknown_clause', `条款 ${cl} 不存在`, `no clause ${cl}`);
  });
  if (pairs.length === 1)
    return { interpretation: pairs[0]![0], value: pairs[0]![1], clauses: new Set(clauses) };
  c.add(
    'rules.yaml.withhold.interpretation',
    'required',
    '应指明一个解释及其取值',
    'must name one interpretation and its value',
  );
  return undefined;
}

/** Each rule's blocks: its own, or those of the rule it applies; with every reading it depends on. */
function resolveApplies(r: Reader, pending: Pending[], withhold: RulesSpec['withhold']): void {
  const byId = new Map(pending.map((p) => [p.rule.id, p]));
  for (const p of pending) {
    let base = p.base;
    if (p.apply !== undefined) {
      const target = byId.get(p.apply);
      if (!target || target.apply !== undefined) {
        r.c.add(
          `${p.path}.apply`,
          'unknown_rule',
          `没有可适用的规则 ${p.apply}`,
          `no rule ${p.apply} to apply`,
        );
        continue;
      }
      for (const b of target.base)
        for (const g of b.groups)
          if (g.needs && !p.rule.gen.yields.every((k) => g.needs!.includes(k)))
            r.c.add(
              `${p.path}.apply`,
              'wrong_subject',
              '所适用规则的对象组与考察对象不符',
              "the applied rule's groups do not fit this binding",
            );
      p.rule.applies = target.rule.clause;
      base = target.base;
    }
    const withholds = withhold?.clauses.has(p.rule.clause) ? [withhold.interpretation] : [];
    p.rule.blocks = base.map((b) => ({
      ...b,
      deps: [...new Set([...p.ruleDeps, ...b.deps, ...withholds])].sort(byNumber),
    }));
  }
}

/** Every clause that imposes consequences has a rule that implements it. */
function checkCovered(r: Reader, pending: Pending[]): void {
  for (const cl of r.pack.consequenceClauses)
    if (!pending.some((p) => p.rule.clause === cl))
      r.c.add(
        'rules.yaml.rules',
        'uncovered_clause',
        `条款 ${cl} 规定了后果，但没有规则实施`,
        `clause ${cl} imposes consequences but no rule implements it`,
      );
}

/** The consequence types the office forwards as personnel recommendations. */
function parsePersonnel(r: Reader, src: Obj): ReadonlySet<ConsequenceType> {
  const personnel = new Set<ConsequenceType>();
  r.c.ids(src, 'personnel', 'rules.yaml').forEach((t, i) => {
    if (r.types.includes(t) && !AMOUNT.has(t)) personnel.add(t as ConsequenceType);
    else r.c.add(`rules.yaml.personnel[${i}]`, 'enum', `没有人事后果 ${t}`, `no personnel consequence ${t}`);
  });
  return personnel;
}
