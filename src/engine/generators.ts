// What a rule looks at (`for:`): each generator walks the case index and yields bindings, one per
// thing the rule is about (an assessed unit, a sampled village, a ranked unit, a person named in an
// incident…). The words here are the vocabulary a pack's rules.yaml may use.

import type { CaseAssessment, CaseUnit } from '../domain/case.ts';
import type { IsoDate } from '../domain/dates.ts';
import { passingOutcomes, type UnitKind, unitKindZh, type Vocabulary, wordZh } from '../domain/vocabulary.ts';
import { zhPunct } from '../domain/zh-punct.ts';
import { assessmentKey, type CaseIndex } from './case-index.ts';
import { type Checker, isObj, type Obj } from './check.ts';
import { assessmentFact, names } from './explain.ts';
import { pairInARow } from './notices.ts';

export interface Binding {
  subjectKind: 'unit' | 'person';
  subject: string;
  /** The unit the consequences are given for (I4), when the subject is a unit. */
  unit?: CaseUnit;
  /** The villages the binding's groups read (sampled villages, or the village itself). */
  villages: readonly string[];
  assessment?: CaseAssessment;
  /** Freezes start on this day. */
  date: IsoDate;
  /** The facts, in Chinese. */
  fact: string;
}

export type Emit = (b: Binding) => void;

export interface Generator {
  run(ix: CaseIndex, emit: Emit): void;
  /** What kinds of subject its bindings have: unit kinds, or 'person'. */
  yields: readonly (UnitKind | 'person')[];
  deps: string[];
  /** false: no binding carries villages (`Binding.villages` is always empty); undefined: some may. */
  bindsVillages?: boolean;
  /** A ranking: how it ranks its group (the office's view of it, `engine.rankings`). */
  ranking?: Ranking;
  /** Two warning notices in a row: the kind of unit it reads. */
  notices?: UnitKind;
  /** A category improved (类别升级): the kind of unit it reads. */
  categories?: 'town' | 'village';
}

/** 类别升级: this year's category is lower (better) than last year's; both must be known. */
export function improved(before: number | undefined, now: number | undefined): boolean {
  return before !== undefined && now !== undefined && now < before;
}

export type RankingGroup = 'villages' | 'county_units' | 'governance_units';

export interface Place {
  unit: CaseUnit;
  assessment: CaseAssessment;
  score: number;
  /** The rank under I5: include-ties, 1 + the number strictly higher; strict, the place in order. */
  rank: number;
}

export interface Ranking {
  group: RankingGroup;
  group_zh: string;
  /** The count parameter holding the cut-off N. */
  top: string;
  /** The units of the group, ranked or not. */
  members(ix: CaseIndex): CaseUnit[];
  /** The scored members, best first (ties in case order). */
  rank(ix: CaseIndex): Place[];
}

/** What a generator is compiled against: the units of the pack's parameters, and its words. */
export interface CompileWith {
  params: ReadonlyMap<string, unknown>;
  words: Vocabulary;
}

type Compile = (args: Obj, path: string, c: Checker, w: CompileWith) => Generator | undefined;

/** Whether every code of a list is a word of a part of the vocabulary; a problem for each that is not. */
function known(
  w: CompileWith,
  part: 'unit_kinds' | 'outcomes' | 'assessors' | 'assessment_kinds',
  list: readonly string[],
  path: string,
  c: Checker,
  what: [zh: string, en: string],
): void {
  list.forEach((x, i) => {
    if (!Object.hasOwn(w.words[part], x))
      c.add(`${path}[${i}]`, 'enum', `没有${what[0]} ${x}`, `no ${what[1]} ${x}`);
  });
}

const EACH = ['subject', 'sampled_town', 'sampled_village', 'caused_by', 'linked_unit'] as const;

/** The sampled villages of an assessment, only those at fault when `atFault` and I12 say so. */
function sampledVillages(ix: CaseIndex, a: CaseAssessment, atFault: boolean): string[] {
  const sampled = atFault && ix.interp.I12 !== 'all-sampled' ? (a.at_fault ?? []) : (a.sampled ?? []);
  return sampled.filter((id) => ix.units.get(id)?.kind === 'village');
}

function assessment(args: Obj, path: string, c: Checker, w: CompileWith): Generator | undefined {
  c.fields(args, ['by', 'kind', 'of', 'outcome', 'each', 'at_fault'], path);
  const by = c.oneOf(args, 'by', Object.keys(w.words.assessors), path);
  const kind = c.oneOf(args, 'kind', Object.keys(w.words.assessment_kinds), path, false) ?? 'annual';
  const passing = passingOutcomes(w.words);
  const of = c.ids(args, 'of', path) as UnitKind[];
  const each = c.oneOf(args, 'each', EACH, path, false) ?? 'subject';
  const atFault = c.boolean(args, 'at_fault', path, false) ?? false;
  let outcomes: ReadonlySet<string> | 'failing';
  if (args.outcome === 'passing') outcomes = passing;
  else if (args.outcome === 'failing') outcomes = 'failing';
  else {
    const list = c.ids(args, 'outcome', path);
    known(w, 'outcomes', list, `${path}.outcome`, c, ['结论', 'outcome']);
    outcomes = new Set(list);
  }
  if (!by) return undefined;
  // The assessments by this assessor, of this kind, of each kind of subject (indexed once per case).
  const keys = of.map((k) => assessmentKey(by, kind, k));
  const matches = (a: CaseAssessment) =>
    outcomes === 'failing' ? !passing.has(a.outcome!) : outcomes.has(a.outcome!);
  known(w, 'unit_kinds', of, `${path}.of`, c, ['单位类型', 'unit kind']);
  const yields: readonly UnitKind[] =
    each === 'sampled_town'
      ? ['town']
      : each === 'sampled_village'
        ? ['village']
        : each === 'caused_by' || each === 'linked_unit'
          ? ['county_unit']
          : of;
  const deps = atFault ? ['I12'] : [];
  if (each === 'linked_unit') deps.push('I1');

  return {
    yields,
    deps,
    run(ix, emit) {
      for (const key of keys)
        for (const a of ix.assessmentsBy.get(key) ?? [])
          if (matches(a)) bindingsOf(ix, a, each, atFault, emit);
    },
  };
}

/** The bindings of one assessment: its subject, or one per sampled town, village, cause or linked unit. */
function bindingsOf(
  ix: CaseIndex,
  a: CaseAssessment,
  each: (typeof EACH)[number],
  atFault: boolean,
  emit: Emit,
): void {
  const date = a.decided_on ?? ix.decidedOn;
  const fact = assessmentFact(ix, a);
  const subject = ix.units.get(a.subject)!;
  const villages = subject.kind === 'village' ? [subject.id] : sampledVillages(ix, a, atFault);
  const unitBinding = (u: CaseUnit, vs: readonly string[]): Binding => ({
    subjectKind: 'unit',
    subject: u.id,
    unit: u,
    villages: vs,
    assessment: a,
    date,
    fact,
  });
  if (each === 'subject') emit(unitBinding(subject, villages));
  else if (each === 'sampled_town') {
    const sampled = atFault && ix.interp.I12 !== 'all-sampled' ? (a.at_fault ?? []) : (a.sampled ?? []);
    for (const id of sampled) {
      const town = ix.units.get(id)!;
      if (town.kind !== 'town') continue;
      emit(
        unitBinding(
          town,
          sampledVillages(ix, a, false).filter((v) => ix.units.get(v)!.town === id),
        ),
      );
    }
  } else if (each === 'sampled_village') {
    for (const v of villages) emit(unitBinding(ix.units.get(v)!, [v]));
  } else if (each === 'caused_by') {
    for (const id of a.caused_by ?? []) emit(unitBinding(ix.units.get(id)!, []));
  } else {
    const byUnit = new Map<string, string[]>();
    for (const v of villages)
      for (const u of ix.unitsLinkedTo.get(v) ?? []) {
        const list = byUnit.get(u);
        if (list) list.push(v);
        else byUnit.set(u, [v]);
      }
    for (const [u, vs] of byUnit) emit(unitBinding(ix.units.get(u)!, vs));
  }
}

/** The groups a ranking ranks; a group of a kind of unit is named as the pack names the kind. */
const RANKING_GROUPS: Record<RankingGroup, { yields: 'village' | 'county_unit'; zh?: string }> = {
  villages: { yields: 'village' },
  county_units: { yields: 'county_unit' },
  governance_units: { yields: 'county_unit', zh: '计生综合治理职责单位' },
};

/** Units ranked county-wide by score (I5); yields those within the top N. */
function ranking(args: Obj, path: string, c: Checker, { params, words }: CompileWith): Generator | undefined {
  c.fields(args, ['group', 'top'], path);
  const group = c.oneOf(args, 'group', Object.keys(RANKING_GROUPS) as RankingGroup[], path);
  const top = c.string(args, 'top', path);
  if (top !== undefined && params.get(top) !== 'count')
    c.add(`${path}.top`, 'unknown_parameter', `没有名次参数 ${top}`, `no count parameter ${top}`);
  if (!group || !top) return undefined;
  const { yields, zh } = RANKING_GROUPS[group];
  const spec = { yields, zh: zh ?? unitKindZh(words, yields) };
  const member = (u: CaseUnit) =>
    u.kind === spec.yields && (group !== 'governance_units' || u.governance_duty === true);
  const rank = (ix: CaseIndex): Place[] => {
    const source = group === 'governance_units' ? ix.governanceDuty : ix.countyAnnual;
    const ranked: { a: CaseAssessment; score: number; order: number }[] = [];
    ix.assessments.forEach((a, order) => {
      if (a.score === undefined || source.get(a.subject) !== a) return;
      if (member(ix.units.get(a.subject)!)) ranked.push({ a, score: a.score, order });
    });
    ranked.sort((x, y) => y.score - x.score || x.order - y.order);
    const strict = ix.interp.I5 === 'strict';
    let tied = 0;
    return ranked.map((r, i) => {
      if (i === 0 || r.score !== ranked[i - 1]!.score) tied = i + 1;
      return {
        unit: ix.units.get(r.a.subject)!,
        assessment: r.a,
        score: r.score,
        rank: strict ? i + 1 : tied,
      };
    });
  };
  return {
    yields: [spec.yields],
    deps: ['I5'],
    bindsVillages: spec.yields === 'village',
    ranking: {
      group,
      group_zh: spec.zh,
      top,
      rank,
      members: (ix) => ix.c.units.filter(member),
    },
    run(ix, emit) {
      const n = ix.params.get(top) as number;
      const ranked = rank(ix);
      for (const r of ranked) {
        if (r.rank > n) continue;
        const u = r.unit;
        emit({
          subjectKind: 'unit',
          subject: u.id,
          unit: u,
          villages: u.kind === 'village' ? [u.id] : [],
          assessment: r.assessment,
          date: r.assessment.decided_on ?? ix.decidedOn,
          fact: `${assessmentFact(ix, r.assessment)}；在全县${ranked.length}个参评${spec.zh}中总分排名第${r.rank}名（前${n}名）`,
        });
      }
    },
  };
}

function categoryImproved(args: Obj, path: string, c: Checker): Generator | undefined {
  c.fields(args, ['of'], path);
  const of = c.oneOf(args, 'of', ['town', 'village'] as const, path);
  if (!of) return undefined;
  return {
    yields: [of],
    deps: [],
    bindsVillages: false,
    categories: of,
    run(ix, emit) {
      const y = ix.c.fp_year;
      for (const r of ix.c.categories ?? []) {
        const u = ix.units.get(r.unit)!;
        if (r.fp_year !== y || u.kind !== of) continue;
        const before = ix.categories.get(y - 1)?.get(r.unit);
        if (!improved(before, r.category)) continue;
        const fact = `${u.name}计生工作类别由${y - 1}年度的${before}类升为${y}年度的${r.category}类`;
        emit({ subjectKind: 'unit', subject: u.id, unit: u, villages: [], date: ix.decidedOn, fact });
      }
    },
  };
}

function acceptance(args: Obj, path: string, c: Checker, w: CompileWith): Generator | undefined {
  c.fields(args, ['kind', 'by'], path);
  const kind = c.oneOf(args, 'kind', Object.keys(w.words.acceptance_kinds), path);
  const by = c.ids(args, 'by', path);
  if (!kind) return undefined;
  const spec = w.words.acceptance_kinds[kind]!;
  by.forEach((b, i) => {
    if (!(spec.by as readonly string[]).includes(b))
      c.add(`${path}.by[${i}]`, 'enum', `${b} 不验收此项`, `${b} does not accept ${kind}`);
  });
  return {
    yields: [spec.unit as UnitKind],
    deps: [],
    bindsVillages: false,
    run(ix, emit) {
      for (const a of ix.acceptances) {
        if (a.kind !== kind || !a.passed || !by.includes(a.by)) continue;
        const u = ix.units.get(a.unit)!;
        const fact = `${u.name}实现${spec.zh}，经${wordZh(ix.words, 'assessors', a.by)}考核验收合格`;
        emit({ subjectKind: 'unit', subject: u.id, unit: u, villages: [], date: ix.decidedOn, fact });
      }
    },
  };
}

function incident(args: Obj, path: string, c: Checker, w: CompileWith): Generator | undefined {
  c.fields(args, ['kind'], path);
  const kind = c.oneOf(args, 'kind', Object.keys(w.words.incident_kinds), path);
  if (!kind) return undefined;
  const what = w.words.incident_kinds[kind]!;
  return {
    yields: ['person'],
    deps: [],
    bindsVillages: false,
    run(ix, emit) {
      for (const i of ix.incidents) {
        if (i.kind !== kind) continue;
        const name = ix.people.get(i.person)?.name ?? i.person;
        const fact = `${name}于${i.occurred_on}${what}`;
        emit({ subjectKind: 'person', subject: i.person, villages: [], date: ix.decidedOn, fact });
      }
    },
  };
}

/** 4.3.2.2: two warning notices in a row to one unit in the FP year (I13); once per unit. */
function noticesInARow(args: Obj, path: string, c: Checker): Generator | undefined {
  c.fields(args, ['of'], path);
  const of = c.oneOf(args, 'of', ['town', 'village', 'county_unit'] as const, path);
  if (!of) return undefined;
  return {
    yields: [of],
    deps: ['I13'],
    bindsVillages: of === 'village',
    notices: of,
    run(ix, emit) {
      for (const [unit, notices] of ix.noticesOf) {
        const u = ix.units.get(unit)!;
        if (u.kind !== of) continue;
        const pair = pairInARow(notices, ix.interp.I13);
        if (!pair) continue;
        const [a, b] = pair;
        const fix = a.corrected_on
          ? `第一次于${a.corrected_on}验收整改，未在第二次下发前`
          : '第一次未经验收整改';
        const fact = `${u.name}本计生年度连续二次被下发警示通知书（${a.issued_on}“${zhPunct(a.matter)}”、${b.issued_on}“${zhPunct(b.matter)}”，${fix}），年度计生工作予以提醒注意`;
        emit({
          subjectKind: 'unit',
          subject: u.id,
          unit: u,
          villages: u.kind === 'village' ? [u.id] : [],
          date: ix.decidedOn,
          fact,
        });
      }
    },
  };
}

export const GENERATORS: Record<string, Compile> = {
  assessment,
  ranking,
  category_improved: categoryImproved,
  acceptance,
  incident,
  notices_in_a_row: noticesInARow,
};

export function compileGenerator(
  raw: unknown,
  path: string,
  c: Checker,
  w: CompileWith,
): Generator | undefined {
  if (!isObj(raw) || Object.keys(raw).length !== 1) {
    c.add(
      path,
      'for',
      `应恰有一项：${Object.keys(GENERATORS).join('、')}`,
      `must name exactly one of: ${Object.keys(GENERATORS).join(', ')}`,
    );
    return undefined;
  }
  const [name, args] = Object.entries(raw)[0]!;
  const compile = GENERATORS[name];
  if (!compile) {
    c.add(`${path}.${name}`, 'unknown_generator', `未知的考察对象 ${name}`, `unknown generator ${name}`);
    return undefined;
  }
  const a = c.object(args, `${path}.${name}`);
  return a ? compile(a, `${path}.${name}`, c, w) : undefined;
}

export { names };
