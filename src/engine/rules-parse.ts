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

export function parseRules(pack: Pack, c: Checker): RulesSpec {
  const src = pack.rulesSource;
  c.fields(src, ['rules', 'withhold', 'personnel'], 'rules.yaml');
  const paramUnits = new Map([...pack.parameters].map(([k, v]) => [k, v.unit]));
  const words = pack.vocabulary;
  const CONSEQUENCE_TYPES = Object.keys(words.consequence_types);
  const unknownWord = (path: string, zh: string, en: string, code: string) =>
    c.add(path, 'unknown_word', `没有${zh} ${code}`, `no ${en} ${code} in the vocabulary`);

  const interpretation = (o: Obj, path: string, deps: Set<string>): [string, string][] => {
    const pairs: [string, string][] = [];
    for (const [id, value] of Object.entries(o)) {
      const it = pack.interpretations.get(id);
      if (!it) c.add(`${path}.${id}`, 'unknown_interpretation', `没有解释 ${id}`, `no interpretation ${id}`);
      else if (typeof value !== 'string' || !(value in it.values))
        c.add(
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
  };

  const cond = (raw: unknown, path: string, deps: Set<string>, tests: Set<string>): CondSpec => {
    const never: CondSpec = { never: true };
    if (!isObj(raw) || Object.keys(raw).length !== 1) {
      c.add(path, 'when', '条件应恰有一项', 'a condition names exactly one test');
      return never;
    }
    const [name, arg] = Object.entries(raw)[0]!;
    const p = `${path}.${name}`;
    if (name !== 'all') tests.add(name);
    if (name === 'all' || name === 'any') {
      const parts = (Array.isArray(arg) ? arg : []).map((x, i) => cond(x, `${p}[${i}]`, deps, tests));
      if (!Array.isArray(arg)) c.add(p, 'type', '应为列表', 'must be a list');
      return name === 'all' ? { all: parts } : { any: parts };
    }
    if (name === 'not') {
      return { not: cond(arg, p, deps, tests) };
    }
    if (name === 'interpretation' && isObj(arg)) {
      return { interpretation: interpretation(arg, p, deps) };
    }
    if (name === 'outcome' && Array.isArray(arg)) {
      const set = new Set(arg.map(String));
      arg.forEach((o, i) => {
        if (!Object.hasOwn(words.outcomes, String(o)))
          unknownWord(`${p}[${i}]`, '考核结论', 'outcome', String(o));
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
  };

  const give = (raw: unknown, path: string, memberKinds: Set<string>): GiveSpec | undefined => {
    let spec: GiveSpec | undefined;
    if (
      typeof raw === 'string' &&
      CONSEQUENCE_TYPES.includes(raw) &&
      !AMOUNT.has(raw) &&
      raw !== 'honour_title'
    )
      spec = { type: raw as ConsequenceType };
    else if (isObj(raw)) {
      const type = Object.keys(raw).find((k) => k !== 'per');
      const param = type ? raw[type] : undefined;
      if (
        type &&
        CONSEQUENCE_TYPES.includes(type) &&
        (AMOUNT.has(type) || type === 'honour_title') &&
        typeof param === 'string'
      ) {
        const want = type === 'honour_title' ? 'text' : 'yuan';
        if (paramUnits.get(param) !== want)
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
        `未知的后果，可为：${CONSEQUENCE_TYPES.join('、')}`,
        `unknown consequence; use one of: ${CONSEQUENCE_TYPES.join(', ')}`,
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
  };

  const rawRules = c.list(src, 'rules', 'rules.yaml', true);
  const ids = new Set<string>();
  const pending: {
    rule: RuleSpec;
    base: BlockSpec[];
    apply?: string;
    path: string;
    ruleDeps: Set<string>;
  }[] = [];
  rawRules.forEach((r, i) => {
    const path = `rules.yaml.rules[${i}]`;
    const o = c.object(r, path);
    if (!o) return;
    c.fields(o, ['id', 'cites', 'for', 'when', 'then', 'apply'], path);
    const id = c.string(o, 'id', path) ?? `#${i}`;
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
    const gen = compileGenerator(o.for, `${path}.for`, c, { params: paramUnits, words });
    const ruleDeps = new Set<string>(gen?.deps ?? []);
    const tests = new Set<string>();
    const when = o.when === undefined ? undefined : cond(o.when, `${path}.when`, ruleDeps, tests);
    if ((o.then === undefined) === (o.apply === undefined))
      c.add(path, 'then', '应有 then 或 apply 之一', 'needs exactly one of then and apply');
    const blocks: BlockSpec[] = [];
    c.list(o, 'then', path).forEach((bRaw, j) => {
      const bp = `${path}.then[${j}]`;
      const bo = c.object(bRaw, bp);
      if (!bo) return;
      c.fields(bo, ['to', 'give', 'when'], bp);
      const groups = compileGroups(bo.to, `${bp}.to`, c, words);
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
      const bwhen = bo.when === undefined ? undefined : cond(bo.when, `${bp}.when`, blockDeps, blockTests);
      const gives = c
        .list(bo, 'give', bp, true)
        .map((g, k) => give(g, `${bp}.give[${k}]`, kinds))
        .filter((g): g is GiveSpec => g !== undefined);
      if (gives.some((g) => g.perVillage)) blockDeps.add('I11');
      blocks.push({ groups, gives, when: bwhen, deps: [...blockDeps], tests: [...blockTests] });
    });
    if (!gen || !clause) return;
    const rule: RuleSpec = { id, clause, gen, when, tests: [...tests], blocks: [] };
    pending.push({
      rule,
      base: blocks,
      apply: typeof o.apply === 'string' ? o.apply : undefined,
      path,
      ruleDeps,
    });
  });

  const withholdRaw = src.withhold;
  let withhold: RulesSpec['withhold'];
  if (withholdRaw !== undefined) {
    const w = c.object(withholdRaw, 'rules.yaml.withhold') ?? {};
    const pairs = isObj(w.interpretation)
      ? interpretation(w.interpretation, 'rules.yaml.withhold.interpretation', new Set())
      : [];
    const clauses = c.ids(w, 'clauses', 'rules.yaml.withhold');
    clauses.forEach((cl, i) => {
      if (!pack.clauses.has(cl))
        c.add(`rules.yaml.withhold.clauses[${i}]`, 'unknown_clause', `条款 ${cl} 不存在`, `no clause ${cl}`);
    });
    if (pairs.length === 1)
      withhold = { interpretation: pairs[0]![0], value: pairs[0]![1], clauses: new Set(clauses) };
    else
      c.add(
        'rules.yaml.withhold.interpretation',
        'required',
        '应指明一个解释及其取值',
        'must name one interpretation and its value',
      );
  }

  const byId = new Map(pending.map((p) => [p.rule.id, p]));
  for (const p of pending) {
    let base = p.base;
    if (p.apply !== undefined) {
      const target = byId.get(p.apply);
      if (!target || target.apply !== undefined) {
        c.add(
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
            c.add(
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
  for (const cl of pack.consequenceClauses)
    if (!pending.some((p) => p.rule.clause === cl))
      c.add(
        'rules.yaml.rules',
        'uncovered_clause',
        `条款 ${cl} 规定了后果，但没有规则实施`,
        `clause ${cl} imposes consequences but no rule implements it`,
      );
  const personnel = new Set<ConsequenceType>();
  c.ids(src, 'personnel', 'rules.yaml').forEach((t, i) => {
    if (CONSEQUENCE_TYPES.includes(t) && !AMOUNT.has(t)) personnel.add(t as ConsequenceType);
    else c.add(`rules.yaml.personnel[${i}]`, 'enum', `没有人事后果 ${t}`, `no personnel consequence ${t}`);
  });
  return { rules: pending.map((p) => p.rule), withhold, personnel };
}
