// Validation of a zeren-case/1 document against the format and the policy it names. A case that
// does not validate yields every problem found, with its path, and never a partial result.

import { CASE_COLLECTIONS, CASE_FORMAT, CASE_HEADER, type ZerenCase } from '../domain/case.ts';
import { fpYear } from '../domain/dates.ts';
import { forbiddenCharacter, nameMessage } from '../domain/names.ts';
import type { Problem, Result } from '../domain/problems.ts';
import {
  assessedBy,
  rolesOf,
  roleZh,
  type UnitKind,
  unitKindZh,
  type Vocabulary,
  wordZh,
} from '../domain/vocabulary.ts';
import { Checker, isObj, join, type Obj, show } from './check.ts';
import { clauseLabel } from './clauses.ts';

/** What validation needs to know of the policy a case names. */
export interface PolicyInfo {
  id: string;
  firstFpYear: number;
  interpretations: Record<string, readonly string[]>;
  /** The words a case may use, with their labels (the pack's vocabulary.yaml). */
  vocabulary: Vocabulary;
}

/**
 * The words of a town pack (七) set for a town of the county: an assessment in its words (its own
 * assessors, kinds and outcomes, e.g. the town's monthly checks) is valid for that town and its
 * villages only, as that pack's vocabulary says. The county's rules never read such an assessment.
 */
export interface TownWords {
  town: string;
  pack: string;
  vocabulary: Vocabulary;
}

/** The words of the town packs set for towns (`engine(pack, town)`: a loaded town pack's engine). */
export function townWords(
  engine: (pack: string, town: string) => { vocabulary: Vocabulary },
  towns: readonly { town: string; pack: string }[] = [],
): TownWords[] {
  return towns.map((t) => ({ ...t, vocabulary: engine(t.pack, t.town).vocabulary }));
}

/** The fields each kind of link names, and what each must refer to. */
const LINK_TARGETS: Record<string, [string, UnitKind | 'person'][]> = {
  stationed: [
    ['person', 'person'],
    ['village', 'village'],
  ],
  unit_village: [
    ['unit', 'county_unit'],
    ['village', 'village'],
  ],
  leader_town: [
    ['person', 'person'],
    ['town', 'town'],
  ],
  leader_village: [
    ['person', 'person'],
    ['village', 'village'],
  ],
};

// Field lists, built once: validation visits every post and link of a case.
const POST_FIELDS = ['person', 'unit', 'role', 'from', 'to'];
const LINK_FIELDS: Record<string, string[]> = Object.fromEntries(
  Object.entries(LINK_TARGETS).map(([kind, targets]) => [
    kind,
    ['kind', ...targets.map((t) => t[0]), 'from', 'to'],
  ]),
);

export function validateCase(
  input: unknown,
  policy: PolicyInfo,
  towns: readonly TownWords[] = [],
): Result<ZerenCase> {
  const c = new Checker();
  try {
    check(input, policy, c, towns);
  } catch (e) {
    // Defensive: validation must never throw, whatever it is given.
    c.add('', 'internal', `无法校验：${String(e)}`, `cannot validate: ${String(e)}`);
  }
  return c.problems.length === 0
    ? { ok: true, value: input as ZerenCase }
    : { ok: false, problems: c.problems };
}

function check(input: unknown, policy: PolicyInfo, c: Checker, towns: readonly TownWords[]): void {
  const v = policy.vocabulary;
  const kindZh = (k: string) => unitKindZh(v, k);
  const root = c.object(input, '');
  if (!root) return;
  c.fields(root, [...CASE_HEADER, ...CASE_COLLECTIONS], '');
  const format = c.string(root, 'format', '');
  if (format !== undefined && format !== CASE_FORMAT)
    c.add('format', 'format', `应为 ${CASE_FORMAT}`, `must be ${CASE_FORMAT}`);
  const pol = c.string(root, 'policy', '');
  if (pol !== undefined && pol !== policy.id)
    c.add(
      'policy',
      'policy',
      `本策略包为 ${policy.id}，不是 ${show(pol)}`,
      `this policy pack is ${policy.id}, not ${show(pol)}`,
    );
  const year = c.integer(root, 'fp_year', '', 1900, 2200);
  if (year !== undefined && year < policy.firstFpYear)
    c.add(
      'fp_year',
      'not_in_force',
      `策略 ${policy.id} 自 ${policy.firstFpYear} 计生年度起施行`,
      `policy ${policy.id} applies from FP year ${policy.firstFpYear}`,
    );
  const start = year !== undefined ? fpYear(year).start : undefined;
  const notBeforeYear = (o: Obj, key: string, path: string, required = false) => {
    const d = c.date(o, key, path, required);
    if (d !== undefined && start !== undefined && d < start)
      c.add(
        join(path, key),
        'before_year',
        `早于计生年度开始（${start}）`,
        `is before the FP year starts (${start})`,
      );
  };
  notBeforeYear(root, 'decided_on', '');
  checkInterpretations(root, policy, c);

  const units = checkUnits(root, c, v);
  const people = checkPeople(root, c, v);
  const ref = (
    o: Obj,
    key: string,
    path: string,
    want: UnitKind | 'person' | UnitKind[],
  ): string | undefined => {
    const id = c.string(o, key, path);
    if (id === undefined) return undefined;
    if (want === 'person') {
      if (!people.has(id))
        c.add(`${path}.${key}`, 'unknown_ref', `没有人员 ${show(id)}`, `no person ${show(id)}`);
      return id;
    }
    const kind = units.get(id);
    if (kind === undefined)
      c.add(`${path}.${key}`, 'unknown_ref', `没有单位 ${show(id)}`, `no unit ${show(id)}`);
    else if (Array.isArray(want) ? !want.includes(kind) : want !== kind) {
      const wanted = Array.isArray(want) ? want : [want];
      c.add(
        `${path}.${key}`,
        'wrong_kind',
        `${show(id)} 是${kindZh(kind)}，应为${wanted.map(kindZh).join('或')}`,
        `${show(id)} is a ${kind}, not a ${wanted.join(' or ')}`,
      );
    }
    return id;
  };
  const range = (o: Obj, path: string) => {
    const from = c.date(o, 'from', path, false);
    const to = c.date(o, 'to', path, false);
    if (from !== undefined && to !== undefined && from > to)
      c.add(`${path}.to`, 'range', `结束日期早于开始日期 ${from}`, `ends before it starts (${from})`);
  };

  c.list(root, 'posts', '').forEach((item, i) => {
    const path = `posts[${i}]`;
    const o = c.object(item, path);
    if (!o) return;
    c.fields(o, POST_FIELDS, path);
    ref(o, 'person', path, 'person');
    const unit = ref(o, 'unit', path, Object.keys(v.unit_kinds) as UnitKind[]);
    const kind = unit === undefined ? undefined : units.get(unit);
    const role = c.string(o, 'role', path);
    const roles = kind ? rolesOf(v, kind) : [];
    if (kind && role !== undefined && !roles.includes(role)) {
      const zh = roles.map((r) => `${roleZh(v, kind, r)}（${r}）`).join('、');
      c.add(
        `${path}.role`,
        'enum',
        `${kindZh(kind)}没有职务 ${show(role)}，应为：${zh}`,
        `a ${kind} has no post ${show(role)}; use one of: ${roles.join(', ')}`,
      );
    }
    range(o, path);
  });

  c.list(root, 'links', '').forEach((item, i) => {
    const path = `links[${i}]`;
    const o = c.object(item, path);
    if (!o) return;
    const kind = c.oneOf(o, 'kind', Object.keys(v.link_kinds), path);
    const targets = kind === undefined ? undefined : LINK_TARGETS[kind];
    if (!kind || !targets) return;
    c.fields(o, LINK_FIELDS[kind]!, path);
    for (const [key, want] of targets) ref(o, key, path, want);
    range(o, path);
  });

  const categories = new Set<string>();
  c.list(root, 'categories', '').forEach((item, i) => {
    const path = `categories[${i}]`;
    const o = c.object(item, path);
    if (!o) return;
    c.fields(o, ['unit', 'fp_year', 'category'], path);
    const unit = ref(o, 'unit', path, ['town', 'village']);
    const y = c.integer(o, 'fp_year', path, 1900, 2200);
    c.integer(o, 'category', path, 1, 9);
    const key = `${unit}|${y}`;
    if (categories.has(key))
      c.add(
        path,
        'duplicate',
        `${show(unit)} 在 ${y} 年度已有类别`,
        `${show(unit)} already has a category for ${y}`,
      );
    categories.add(key);
  });

  checkAssessments(root, c, units, notBeforeYear, v, towns);

  c.list(root, 'acceptances', '').forEach((item, i) => {
    const path = `acceptances[${i}]`;
    const o = c.object(item, path);
    if (!o) return;
    c.fields(o, ['unit', 'kind', 'by', 'passed'], path);
    const kind = c.oneOf(o, 'kind', Object.keys(v.acceptance_kinds), path);
    const rule = kind ? v.acceptance_kinds[kind] : undefined;
    ref(o, 'unit', path, rule ? (rule.unit as UnitKind) : ['town', 'village']);
    c.oneOf(o, 'by', rule ? rule.by : Object.keys(v.assessors), path);
    c.boolean(o, 'passed', path);
  });

  const noticeIds = new Set<string>();
  c.list(root, 'warning_notices', '').forEach((item, i) => {
    const path = `warning_notices[${i}]`;
    const o = c.object(item, path);
    if (!o) return;
    c.fields(o, ['id', 'unit', 'issued_on', 'matter', 'corrected_on'], path);
    const id = c.string(o, 'id', path);
    if (id !== undefined) {
      if (noticeIds.has(id))
        c.add(`${path}.id`, 'duplicate', `重复的编号 ${show(id)}`, `duplicate id ${show(id)}`);
      noticeIds.add(id);
    }
    ref(o, 'unit', path, ['town', 'village', 'county_unit']);
    const issued = c.date(o, 'issued_on', path);
    c.string(o, 'matter', path);
    const corrected = c.date(o, 'corrected_on', path, false);
    if (issued && corrected && corrected < issued)
      c.add(
        `${path}.corrected_on`,
        'range',
        `早于发出日期 ${issued}`,
        `is before the notice was issued (${issued})`,
      );
  });

  c.list(root, 'incidents', '').forEach((item, i) => {
    const path = `incidents[${i}]`;
    const o = c.object(item, path);
    if (!o) return;
    c.fields(o, ['kind', 'person', 'occurred_on'], path);
    c.oneOf(o, 'kind', Object.keys(v.incident_kinds), path);
    ref(o, 'person', path, 'person');
    c.date(o, 'occurred_on', path);
  });
}

function checkInterpretations(root: Obj, policy: PolicyInfo, c: Checker): void {
  const v = root.interpretations;
  if (v === undefined || v === null) return;
  const o = c.object(v, 'interpretations');
  if (!o) return;
  for (const id of Object.keys(o)) {
    const values = Object.hasOwn(policy.interpretations, id) ? policy.interpretations[id] : undefined;
    if (!values) {
      const known = Object.keys(policy.interpretations).join('、');
      c.add(
        `interpretations.${id}`,
        'unknown_interpretation',
        `没有解释 ${show(id)}（可用：${known}）`,
        `no interpretation ${show(id)} (known: ${known})`,
      );
    } else c.oneOf(o, id, values, 'interpretations');
  }
}

function checkUnits(root: Obj, c: Checker, v: Vocabulary): Map<string, UnitKind> {
  const units = new Map<string, UnitKind>();
  const raw = c.list(root, 'units', '', true);
  const objs: (Obj | undefined)[] = raw.map((v, i) => c.object(v, `units[${i}]`));
  objs.forEach((o, i) => {
    if (!o) return;
    const path = `units[${i}]`;
    c.fields(o, ['id', 'kind', 'name', 'town', 'governance_duty'], path);
    const id = c.string(o, 'id', path);
    const kind = c.oneOf(o, 'kind', Object.keys(v.unit_kinds) as UnitKind[], path);
    checkName(c, c.string(o, 'name', path), path);
    if (id === undefined) return;
    if (units.has(id))
      c.add(`${path}.id`, 'duplicate', `重复的单位编号 ${show(id)}`, `duplicate unit id ${show(id)}`);
    else if (kind) units.set(id, kind);
  });
  const counties = [...units.values()].filter((k) => k === 'county').length;
  if (Array.isArray(root.units) && counties !== 1)
    c.add(
      'units',
      'one_county',
      `应恰有一个县（kind: county），实有 ${counties} 个`,
      `must hold exactly one county (kind: county), not ${counties}`,
    );
  objs.forEach((o, i) => {
    if (!o) return;
    const path = `units[${i}]`;
    if (o.kind === 'village') {
      const town = c.string(o, 'town', path);
      if (town !== undefined && units.get(town) !== 'town')
        c.add(
          `${path}.town`,
          'unknown_ref',
          `没有${unitKindZh(v, 'town')}${show(town)}`,
          `no town ${show(town)}`,
        );
    } else if (o.town !== undefined)
      c.add(
        `${path}.town`,
        'not_allowed',
        `只有${unitKindZh(v, 'village')}隶属于${unitKindZh(v, 'town')}`,
        'only a village belongs to a town',
      );
    if (o.governance_duty !== undefined) {
      if (o.kind !== 'county_unit')
        c.add(
          `${path}.governance_duty`,
          'not_allowed',
          `只适用于${unitKindZh(v, 'county_unit')}`,
          'applies to county units only',
        );
      else c.boolean(o, 'governance_duty', path);
    }
  });
  return units;
}

/** A name shows as what it is: no control, bidirectional or zero-width characters (domain/names.ts). */
function checkName(c: Checker, name: string | undefined, path: string): void {
  const bad = name === undefined ? undefined : forbiddenCharacter(name);
  if (!bad) return;
  const m = nameMessage('名称');
  c.add(`${path}.name`, 'bad_character', `${m.zh}（${bad}）`, `${m.en} (${bad})`);
}

function checkPeople(root: Obj, c: Checker, v: Vocabulary): Set<string> {
  const people = new Set<string>();
  c.list(root, 'people', '').forEach((item, i) => {
    const path = `people[${i}]`;
    const o = c.object(item, path);
    if (!o) return;
    c.fields(o, ['id', 'name', 'staff_type'], path);
    const id = c.string(o, 'id', path);
    checkName(c, c.string(o, 'name', path), path);
    c.oneOf(o, 'staff_type', Object.keys(v.staff_types), path, false);
    if (id === undefined) return;
    if (people.has(id))
      c.add(`${path}.id`, 'duplicate', `重复的人员编号 ${show(id)}`, `duplicate person id ${show(id)}`);
    people.add(id);
  });
  return people;
}

function checkAssessments(
  root: Obj,
  c: Checker,
  units: Map<string, UnitKind>,
  notBeforeYear: (o: Obj, key: string, path: string) => void,
  county: Vocabulary,
  towns: readonly TownWords[],
): void {
  const kindZh = (k: string) => unitKindZh(county, k);
  const seen = new Set<string>();
  const raw = root.units;
  const townOf = new Map<string, unknown>();
  if (Array.isArray(raw))
    for (const u of raw) if (isObj(u) && typeof u.id === 'string') townOf.set(u.id, u.town);
  const governance = new Set<string>();
  if (Array.isArray(raw))
    for (const u of raw) if (isObj(u) && u.governance_duty === true) governance.add(String(u.id));

  c.list(root, 'assessments', '').forEach((item, i) => {
    const path = `assessments[${i}]`;
    const o = c.object(item, path);
    if (!o) return;
    c.fields(
      o,
      ['by', 'subject', 'kind', 'outcome', 'score', 'sampled', 'at_fault', 'caused_by', 'decided_on'],
      path,
    );
    const v = wordsOf(o, path, county, towns, townOf, c);
    if (!v) return;
    const by = c.oneOf(o, 'by', Object.keys(v.assessors), path);
    const kind = c.oneOf(o, 'kind', Object.keys(v.assessment_kinds), path, false) ?? 'annual';
    // A kind whose assessors give no outcome has a score only (governance_duty).
    const scoreOnly = v.assessment_kinds[kind]?.assessed.every((a) => a.outcomes.length === 0) ?? false;
    const subject = c.string(o, 'subject', path);
    const subjectKind = subject === undefined ? undefined : units.get(subject);
    if (subject !== undefined && subjectKind === undefined)
      c.add(`${path}.subject`, 'unknown_ref', `没有单位 ${show(subject)}`, `no unit ${show(subject)}`);
    c.number(o, 'score', path, scoreOnly);
    notBeforeYear(o, 'decided_on', path);
    const sampled = c.ids(o, 'sampled', path);
    const atFault = c.ids(o, 'at_fault', path);
    const causedBy = c.ids(o, 'caused_by', path);
    if (!by || !subject || !subjectKind) return;

    const key = `${by}|${subject}|${kind}`;
    if (seen.has(key))
      c.add(
        path,
        'duplicate',
        `${by} 对 ${show(subject)} 的 ${kind} 考核已有一条`,
        `there is already a ${kind} assessment of ${show(subject)} by ${by}`,
      );
    seen.add(key);

    if (scoreOnly) {
      if (kind === 'governance_duty') {
        if (!assessedBy(v, by, subjectKind, kind) || !governance.has(subject))
          c.add(
            `${path}.kind`,
            'not_allowed',
            '综合治理职责考评只能由县对计生综合治理职责单位（governance_duty: true）作出',
            'a governance_duty evaluation is given by the county to a county unit with governance_duty: true',
          );
      } else if (!assessedBy(v, by, subjectKind, kind))
        c.add(
          `${path}.kind`,
          'not_allowed',
          `${wordZh(v, 'assessors', by)}不对${kindZh(subjectKind)}作${wordZh(v, 'assessment_kinds', kind)}`,
          `the ${by} gives no ${kind} to a ${subjectKind}`,
        );
      if (o.outcome !== undefined)
        c.add(
          `${path}.outcome`,
          'not_allowed',
          `${wordZh(v, 'assessment_kinds', kind)}只有分数，没有结论`,
          `a ${kind} has a score, not an outcome`,
        );
      for (const k of ['sampled', 'at_fault', 'caused_by'])
        if (o[k] !== undefined)
          c.add(`${path}.${k}`, 'not_allowed', '只用于年度考核', 'appears on annual assessments only');
      return;
    }

    const allowed = assessedBy(v, by, subjectKind, kind)?.outcomes ?? [];
    const byZh = wordZh(v, 'assessors', by);
    const outcomeZh = (x: string) => `“${wordZh(v, 'outcomes', x)}”（${x}）`;
    if (allowed.length === 0) {
      c.add(
        `${path}.subject`,
        'not_allowed',
        `${byZh}不考核${kindZh(subjectKind)} ${show(subject)}`,
        `the ${by} does not assess a ${subjectKind} (${show(subject)})`,
      );
    } else {
      const outcome = c.oneOf(o, 'outcome', Object.keys(v.outcomes), path);
      if (outcome && !allowed.includes(outcome))
        c.add(
          `${path}.outcome`,
          'not_allowed',
          `${byZh}对${kindZh(subjectKind)}不能作出${outcomeZh(outcome)}，可为：${allowed.map(outcomeZh).join('、')}`,
          `the ${by} cannot give ${outcome} to a ${subjectKind}; it gives: ${allowed.join(', ')}`,
        );
    }

    sampled.forEach((id, j) => {
      const p = `${path}.sampled[${j}]`;
      const k = units.get(id);
      if (k === undefined) c.add(p, 'unknown_ref', `没有单位 ${show(id)}`, `no unit ${show(id)}`);
      else if (by === 'province') {
        if (k !== 'town' && k !== 'village')
          c.add(
            p,
            'wrong_kind',
            `抽中的应为${kindZh('town')}或${kindZh('village')}，${show(id)} 是${kindZh(k)}`,
            `a sampled unit is a town or village; ${show(id)} is a ${k}`,
          );
      } else if (subjectKind === 'town') {
        if (k !== 'village' || townOf.get(id) !== subject)
          c.add(p, 'wrong_kind', `应为 ${show(subject)} 所属的村`, `must be a village of ${show(subject)}`);
      } else
        c.add(
          p,
          'not_allowed',
          `对${kindZh(subjectKind)}的考核没有抽中单位`,
          `an assessment of a ${subjectKind} has no sampled units`,
        );
    });
    atFault.forEach((id, j) => {
      if (!sampled.includes(id))
        c.add(
          `${path}.at_fault[${j}]`,
          'not_sampled',
          `${show(id)} 不在抽中单位（sampled）之中`,
          `${show(id)} is not among the sampled units`,
        );
    });
    causedBy.forEach((id, j) => {
      const p = `${path}.caused_by[${j}]`;
      if (by !== 'province') c.add(p, 'not_allowed', '只用于省考核', 'appears on province assessments only');
      else if (units.get(id) !== 'county_unit')
        c.add(
          p,
          'wrong_kind',
          `${show(id)} 不是${kindZh('county_unit')}`,
          `${show(id)} is not a county unit`,
        );
    });
  });
}

/**
 * The words an assessment is read in: the county pack's, or, when it names a word of a town pack
 * set for a town of the county (and not the county's), that pack's, for a subject in that town
 * only. Undefined (a problem added) for a subject outside every town whose pack has the words.
 */
function wordsOf(
  o: Obj,
  path: string,
  county: Vocabulary,
  towns: readonly TownWords[],
  townOf: Map<string, unknown>,
  c: Checker,
): Vocabulary | undefined {
  const has = (v: Vocabulary) =>
    (typeof o.by !== 'string' || Object.hasOwn(v.assessors, o.by)) &&
    (typeof o.kind !== 'string' || Object.hasOwn(v.assessment_kinds, o.kind)) &&
    (typeof o.outcome !== 'string' || Object.hasOwn(v.outcomes, o.outcome));
  if (has(county)) return county;
  if (typeof o.subject !== 'string' || !townOf.has(o.subject)) return county;
  const town = townOf.get(o.subject) ?? o.subject;
  const declaring = towns.filter((t) => has(t.vocabulary));
  const mine = declaring.find((t) => t.town === town);
  if (mine) return mine.vocabulary;
  // No town pack set for the county has these words: the subject's town's (or the county's)
  // refuse them, naming the field.
  if (declaring.length === 0) return towns.find((t) => t.town === town)?.vocabulary ?? county;
  const packs = [...new Set(declaring.map((t) => t.pack))].join('、');
  const at = [...new Set(declaring.map((t) => t.town))].join('、');
  c.add(
    `${path}.subject`,
    'not_in_town',
    `${show(o.subject)} 不属于执行镇办法 ${packs} 的镇（${at}），不能有该办法所定的考核`,
    `${show(o.subject)} is not of a town following town pack ${packs} (${at}); it cannot have an assessment in that pack's words`,
  );
  return undefined;
}

/**
 * Scores within the range the pack declares for their assessor (`score_min_<by>`,
 * `score_max_<by>` in force for the year, each with its clause). An assessor the pack gives no
 * range to is not checked.
 */
export function checkScores(
  c: ZerenCase,
  params: ReadonlyMap<string, number | string>,
  clauseOf: (parameter: string) => string,
  words: Vocabulary,
): Problem[] {
  const problems: Problem[] = [];
  (c.assessments ?? []).forEach((a, i) => {
    if (a.score === undefined) return;
    const min = params.get(`score_min_${a.by}`);
    const max = params.get(`score_max_${a.by}`);
    if (typeof min !== 'number' || typeof max !== 'number' || (a.score >= min && a.score <= max)) return;
    const label = clauseLabel(clauseOf(`score_max_${a.by}`));
    problems.push({
      path: `assessments[${i}].score`,
      code: 'range',
      zh: `${wordZh(words, 'assessors', a.by)}考核的分数应在 ${min} 至 ${max} 分之间（${label}），不是 ${a.score}`,
      en: `a ${a.by} score is between ${min} and ${max} (${label}), not ${a.score}`,
    });
  });
  return problems;
}
