// The practical limit: county-fp-2009 written by hand in TypeScript for the policy's default
// interpretations. `decideCounty` does the whole job Zeren does — every consequence with its rule,
// the interpretations it rests on and the same Chinese explanation (the facts, why the person is
// named, the clause applied and quoted), I9 and I4 included — with nothing interpreted at run
// time: the rules are `if`s, the groups are loops. Its output is Zeren's, field for field and in
// the same order (baselines.test.ts checks it). Only the clause text and the amounts come from the
// pack, read once at setup.

import type { CaseAssessment, CaseLink, CasePost, CaseUnit, ZerenCase } from '../../src/domain/case.ts';
import { fpYear, oneYearUntil } from '../../src/domain/dates.ts';
import { yuanText } from '../../src/domain/money.ts';
import type { Consequence, Withheld, ZerenResult } from '../../src/domain/result.ts';
import type { ConsequenceType } from '../../src/domain/vocabulary.ts';
import { zhPunct } from '../../src/domain/zh-punct.ts';
import type { Clause } from '../../src/engine/clauses.ts';
import { loadEngine } from '../../src/policy/load.ts';
import type { Params } from './assemble.ts';
import { type Baseline, paramsFor } from './types.ts';
import {
  ACCEPTANCE_KINDS,
  ASSESSOR_ZH,
  CONSEQUENCE_ZH,
  MAX_GRADE,
  OUTCOME_ZH,
  PASSING,
  ROLE_ZH,
} from './words.ts';

const DEFAULTS = {
  I1: 'any-time',
  I2: 'whole-town',
  I3: 'replace',
  I4: 'withhold',
  I5: 'include-ties',
  I6: 'head-only',
  I7: 'analogous',
  I8: 'as-written',
  I9: 'once-per-clause',
  I10: 'all-village-posts',
  I11: 'once',
  I12: 'at-fault-only',
  I13: 'no-correction-between',
};
const WITHHELD = new Set(['3.1.3', '3.2.2', '3.3.1', '3.3.3']);
const OFFICIALS = ['party_secretary', 'mayor', 'leader_in_charge', 'fp_office_head'];
const SECRETARY_MAYOR = ['party_secretary', 'mayor'];
const IN_CHARGE_FP_OFFICE = ['leader_in_charge', 'fp_office_head'];
const UNIT_LEADERS = ['head', 'leader_in_charge', 'fp_staff'];
const HEAD = ['head'];

/** What is given: a consequence type, with the parameter of its amount or title. */
type Gift = readonly [ConsequenceType, string?];
const VETO: Gift[] = [['award_veto']];
/** The verb before a consequence that is a noun: 颁发奖牌一块, 实行三停…, 作免职或降级处理. */
const PREFIX: Partial<Record<ConsequenceType, string>> = {
  plaque: '颁发',
  three_stops: '实行',
  dismissal_or_demotion: '作',
  admonishment_talk: '进行',
};

/** A clause's text inside “”: on one line, its own “” as ‘’. */
const quotable = (text: string) =>
  text
    .replace(/\s*\n\s*/g, '')
    .replace(/“/g, '‘')
    .replace(/”/g, '’');

/** Why something is given: the facts, the decision date, the unit given for, the rule, its clause
 * and readings. One class, so that every object has one shape. */
class Why {
  constructor(
    readonly fact: string,
    readonly date: string,
    readonly forUnit: string | undefined,
    readonly rule = '',
    readonly clause = '',
    readonly deps: string[] = [],
    readonly applies: string | undefined = undefined,
  ) {}

  /** The same facts, under a rule. */
  as(rule: string, clause: string, deps: string[], forUnit = this.forUnit, applies?: string): Why {
    return new Why(this.fact, this.date, forUnit, rule, clause, deps, applies);
  }

  /** The same, with other readings. */
  with(deps: string[]): Why {
    return new Why(this.fact, this.date, this.forUnit, this.rule, this.clause, deps, this.applies);
  }
}

interface Entry {
  c: Consequence;
  fen: number;
  forUnit: string | undefined;
}
interface Held extends Entry {
  reason: string;
  by: Set<string>;
}

/** One county year: its indexes, and the consequences given so far. */
class Year {
  readonly decidedOn: string;
  readonly units = new Map<string, CaseUnit>();
  readonly people = new Map<string, { name: string; staff_type?: string }>();
  readonly villagesOf = new Map<string, string[]>();
  readonly postsAt = new Map<string, CasePost[]>();
  readonly stationedAt = new Map<string, Extract<CaseLink, { kind: 'stationed' }>[]>();
  readonly unitsOfVillage = new Map<string, string[]>();
  readonly villagesOfUnit = new Map<string, string[]>();
  readonly leadersOf = new Map<string, string[]>();
  readonly countyAnnual = new Map<string, CaseAssessment>();
  readonly governance = new Map<string, CaseAssessment>();
  readonly entries: Entry[] = [];
  private readonly facts = new Map<CaseAssessment, string>();
  private readonly texts = new Map<string, [lead: string, quote: string]>();

  constructor(
    readonly cs: ZerenCase,
    readonly clauses: Map<string, Clause>,
    readonly params: Params,
  ) {
    const year = fpYear(cs.fp_year);
    this.decidedOn = cs.decided_on ?? `${cs.fp_year}-10-01`;
    const [start, end] = [year.start, year.end];
    for (const u of cs.units) {
      this.units.set(u.id, u);
      if (u.kind === 'village') add(this.villagesOf, u.town!, u.id);
    }
    for (const p of cs.people ?? []) this.people.set(p.id, p);
    const leaders = new Set<string>();
    for (const p of cs.posts ?? [])
      if ((p.from === undefined || p.from <= end) && (p.to === undefined || p.to >= start)) {
        add(this.postsAt, p.unit, p);
        if (p.role === 'leader') leaders.add(p.person);
      }
    for (const l of cs.links ?? []) {
      if ((l.from !== undefined && l.from > end) || (l.to !== undefined && l.to < start)) continue;
      if (l.kind === 'stationed') add(this.stationedAt, l.village, l);
      else if (l.kind === 'unit_village') {
        if (!this.unitsOfVillage.get(l.village)?.includes(l.unit))
          add(this.unitsOfVillage, l.village, l.unit);
        if (!this.villagesOfUnit.get(l.unit)?.includes(l.village))
          add(this.villagesOfUnit, l.unit, l.village);
      } else if (leaders.has(l.person))
        add(this.leadersOf, l.kind === 'leader_town' ? l.town : l.village, l.person);
    }
    for (const a of cs.assessments ?? [])
      if (a.by === 'county')
        ((a.kind ?? 'annual') === 'annual' ? this.countyAnnual : this.governance).set(a.subject, a);
  }

  unitName(id: string): string {
    return this.units.get(id)?.name ?? id;
  }
  personName(id: string): string {
    return this.people.get(id)?.name ?? id;
  }
  passes(id: string): boolean {
    return PASSING.has(this.countyAnnual.get(id)?.outcome ?? '');
  }
  names(ids: readonly string[]): string {
    return [...ids]
      .sort()
      .map((id) => this.unitName(id))
      .join('、');
  }

  /** 市年度考核评定东风镇为「先进单位」,抽中红星村 … */
  factOf(a: CaseAssessment): string {
    let s = this.facts.get(a);
    if (s !== undefined) return s;
    const annual = (a.kind ?? 'annual') === 'annual';
    s = annual
      ? `${ASSESSOR_ZH[a.by]}年度考核评定${this.unitName(a.subject)}为“${OUTCOME_ZH[a.outcome!]}”`
      : `县综合治理职责考评${this.unitName(a.subject)}得分${a.score}`;
    if (a.score !== undefined && annual) s += `（综合评估总分${a.score}）`;
    if (a.sampled?.length) s += `，抽中${this.names(a.sampled)}`;
    if (a.at_fault?.length) s += `，认定${this.names(a.at_fault)}工作失职`;
    if (a.caused_by?.length) s += `，系${this.names(a.caused_by)}综合治理工作不落实所致`;
    if (a.decided_on) s += `（${a.decided_on}作出）`;
    this.facts.set(a, s);
    return s;
  }

  /** Gives each gift to one unit or person. */
  give(
    why: Why,
    kind: 'unit' | 'person',
    id: string,
    reason: string,
    gifts: readonly Gift[],
    via?: Consequence['via'],
  ): void {
    const textKey = why.applies ? `${why.clause}>${why.applies}` : why.clause;
    let text = this.texts.get(textKey);
    if (!text) {
      const cl = this.clauses.get(why.clause)!;
      const applied = why.applies ? `（按${this.clauses.get(why.applies)!.label}处理）` : '';
      text = [`依据${cl.label}${applied}，对`, `。${cl.label}：“${quotable(cl.text)}”`];
      this.texts.set(textKey, text);
    }
    const name = kind === 'unit' ? this.unitName(id) : this.personName(id);
    for (const [type, param] of gifts) {
      const c = { subject: { kind, id }, type } as Consequence;
      let fen = 0;
      let given: string =
        type === 'award_veto' ? '评先评优实行一票否决' : (PREFIX[type] ?? '') + CONSEQUENCE_ZH[type];
      if (type === 'reward' || type === 'fine') {
        fen = this.params.get(param!) as number;
        c.amount_yuan = fen / 100;
        given = `${type === 'reward' ? '奖励' : '罚款'}${yuanText(fen)}`;
      }
      c.clause = why.clause;
      if (why.applies) c.applies = why.applies;
      if (type === 'transfer_promotion_freeze') {
        c.from = why.date;
        c.until = oneYearUntil(why.date);
        given = `${c.from}至${c.until}不得平级调动、提拔`;
      } else if (type === 'appraisal_cap') {
        c.max_grade = MAX_GRADE[(this.people.get(id)?.staff_type ?? 'civil_servant') as 'civil_servant'];
        given = `年度考核不得评为称职、合格等次（至多${c.max_grade}）`;
      } else if (type === 'honour_title') {
        c.title = this.params.get(param!) as string;
        given = `授予“${c.title}”荣誉称号`;
      }
      if (via) c.via = via;
      c.rule = why.rule;
      c.depends_on = why.deps;
      c.explanation = `${why.fact}。${reason ? `${reason}。` : ''}${text[0]}${name}${given}${text[1]}`;
      this.entries.push({ c, fen, forUnit: why.forUnit });
    }
  }

  unit(why: Why, id: string, gifts: readonly Gift[]): void {
    this.give(why, 'unit', id, '', gifts);
  }

  /** Holders of the given posts of a unit in the year. */
  holders(why: Why, unit: string, roles: readonly string[], gifts: readonly Gift[]): void {
    const kind = this.units.get(unit)!.kind;
    for (const p of this.postsAt.get(unit) ?? [])
      if (roles.includes(p.role))
        this.give(
          why,
          'person',
          p.person,
          `${this.personName(p.person)}任${this.unitName(unit)}${ROLE_ZH[kind]![p.role]}${period(p.from, p.to)}`,
          gifts,
          { unit, role: p.role },
        );
  }

  /** Village cadres: every post of each village (I10). */
  cadres(why: Why, villages: readonly string[], gifts: readonly Gift[]): void {
    for (const v of villages)
      this.holders(
        why,
        v,
        ['branch_secretary', 'committee_director', 'committee_member', 'fp_supervisor'],
        gifts,
      );
  }

  stationed(why: Why, villages: readonly string[], gifts: readonly Gift[]): void {
    for (const v of villages)
      for (const l of this.stationedAt.get(v) ?? [])
        this.give(
          why,
          'person',
          l.person,
          `${this.personName(l.person)}驻（挂钩联系）${this.unitName(v)}${period(l.from, l.to)}`,
          gifts,
          { unit: v, link: 'stationed' },
        );
  }
}

function add<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

function period(from?: string, to?: string): string {
  return from && to ? `（${from}至${to}）` : from ? `（${from}起）` : to ? `（至${to}）` : '';
}

const villagesIn = (y: Year, ids: readonly string[] | undefined) =>
  (ids ?? []).filter((id) => y.units.get(id)!.kind === 'village');

/** County units linked to any of the villages (一(五)2). */
function linkedUnits(y: Year, villages: readonly string[]): Set<string> {
  const linked = new Set<string>();
  for (const v of villages) for (const u of y.unitsOfVillage.get(v) ?? []) linked.add(u);
  return linked;
}

/** 一 1, 一(一) and 四(三)1: the county's annual assessment of a town, village or county unit. */
function countyAssessment(y: Year, a: CaseAssessment, u: CaseUnit): void {
  const o = a.outcome!;
  const base = new Why(y.factOf(a), a.decided_on ?? y.decidedOn, u.id);
  if (!PASSING.has(o)) {
    y.unit(base.as('veto-unit-failing-target', '1', []), u.id, VETO);
    if (u.kind !== 'county_unit') {
      const why = base.as('veto-county-leader-linked-place-failing', '1.1', ['I1']);
      for (const p of y.leadersOf.get(u.id) ?? [])
        y.give(why, 'person', p, `${y.personName(p)}任县党政领导班子成员，挂钩（帮扶）${u.name}`, VETO);
    }
  }
  if (u.kind === 'town' && (o === 'reminder' || o === 'yellow_card')) {
    const atFault = villagesIn(y, a.at_fault);
    const reminder = o === 'reminder';
    const why = base.as(
      reminder ? 'county-reminder-town' : 'county-yellow-card-town',
      reminder ? '4.3.1.1' : '4.3.1.2',
      [],
    );
    const fine = reminder ? 'fine_4_3_1_1_officials' : 'fine_4_3_1_2_officials';
    const cadreFine = reminder ? 'fine_4_3_1_1_village_cadres' : 'fine_4_3_1_2_village_cadres';
    const officials: Gift[] = [['award_veto'], ['transfer_promotion_freeze'], ['fine', fine]];
    y.unit(why.with(['I12']), u.id, VETO);
    const named = why.with(['I1', 'I6', 'I9', 'I12']);
    y.holders(named, u.id, OFFICIALS, officials);
    y.stationed(named, atFault, officials);
    for (const v of atFault) y.unit(why.with(['I12']), v, VETO);
    y.cadres(
      why.with(['I1', 'I9', 'I10', 'I12']),
      atFault,
      reminder ? [['fine', cadreFine]] : [['three_stops'], ['fine', cadreFine]],
    );
  } else if (u.kind === 'county_unit' && o === 'reminder')
    y.holders(base.as('county-reminder-county-unit', '4.3.1.3', ['I1', 'I9']), u.id, UNIT_LEADERS, [
      ['award_veto'],
      ['fine', 'fine_4_3_1_3_reminder'],
    ]);
  else if (u.kind === 'county_unit' && o === 'yellow_card') {
    const why = base.as('county-yellow-card-county-unit', '4.3.1.3', []);
    y.holders(why.with(['I1', 'I9']), u.id, UNIT_LEADERS, [
      ['appraisal_cap'],
      ['fine', 'fine_4_3_1_3_yellow'],
    ]);
    y.unit(why.with([]), u.id, [['report_to_superior']]);
  } else if (u.kind === 'village' && o !== 'fail' && !PASSING.has(o)) {
    const [rule, clause, cadres, stationed]: [string, string, Gift[], Gift[]] =
      o === 'criticized_downgraded'
        ? [
            'county-criticized-village',
            '4.3.1.4',
            [['fine', 'fine_4_3_1_4_village_cadres']],
            [['award_veto'], ['fine', 'fine_4_3_1_4_stationed']],
          ]
        : o === 'reminder'
          ? [
              'county-reminder-village',
              '4.3.1.5',
              [['fine', 'fine_4_3_1_5_village_cadres']],
              [['award_veto'], ['transfer_promotion_freeze'], ['fine', 'fine_4_3_1_5_stationed']],
            ]
          : [
              'county-yellow-card-village',
              '4.3.1.6',
              [['three_stops'], ['fine', 'fine_4_3_1_6_village_cadres']],
              [['appraisal_cap'], ['fine', 'fine_4_3_1_6_stationed']],
            ];
    y.unit(base.as(rule, clause, []), u.id, VETO);
    y.cadres(base.as(rule, clause, ['I1', 'I9', 'I10']), [u.id], cadres);
    y.stationed(base.as(rule, clause, ['I1', 'I9']), [u.id], stationed);
    // 四(三)1(7): the county units linked to the village.
    const criticized = o === 'criticized_downgraded';
    const rule7 = criticized ? 'county-criticized-village-linked-unit' : 'county-warning-village-linked-unit';
    const fine7 = criticized ? 'fine_4_3_1_7_criticized' : 'fine_4_3_1_7_reminder';
    for (const unit of y.unitsOfVillage.get(u.id) ?? []) {
      const why = base.as(rule7, '4.3.1.7', ['I1'], unit);
      y.unit(why, unit, VETO);
      y.holders(why, unit, HEAD, [['award_veto'], ['fine', fine7]]);
    }
  }
}

const CITY: Record<
  string,
  [rule: string, clause: string, officials: Gift[], villageVeto: boolean, cadres: Gift[]]
> = {
  criticized_downgraded: [
    'city-criticized-town',
    '4.2.1',
    [['award_veto'], ['fine', 'fine_4_2_1_officials']],
    true,
    [['fine', 'fine_4_2_1_village_cadres']],
  ],
  reminder: [
    'city-reminder-town',
    '4.2.2',
    [['transfer_promotion_freeze'], ['appraisal_cap'], ['fine', 'fine_4_2_2_officials']],
    true,
    [['fine', 'fine_4_2_2_village_cadres']],
  ],
  // I8 as written: 四(二)3 names no collective veto.
  yellow_card: [
    'city-yellow-card-town',
    '4.2.3',
    [['dismissal_or_demotion'], ['appraisal_cap'], ['fine', 'fine_4_2_3_officials']],
    false,
    [['three_stops'], ['fine', 'fine_4_2_3_village_cadres']],
  ],
};

/** 三(一)3 and 四(二): the city's assessment of a town or a county unit. */
function cityAssessment(y: Year, a: CaseAssessment, u: CaseUnit): void {
  const o = a.outcome!;
  const base = new Why(y.factOf(a), a.decided_on ?? y.decidedOn, u.id);
  if (u.kind === 'county_unit') {
    if (o === 'reminder' || o === 'yellow_card')
      y.holders(base.as('city-warning-governance-unit', '4.2.5', ['I1', 'I9']), u.id, UNIT_LEADERS, [
        ['award_veto'],
        ['dismissal_or_demotion'],
        ['appraisal_cap'],
        ['fine', 'fine_4_2_5_leaders'],
      ]);
    return;
  }
  if (o === 'advanced') {
    const why = base.as('reward-city-advanced-town', '3.1.3', []);
    y.unit(why.with(['I4']), u.id, [
      ['reward', 'reward_3_1_3_town'],
      ['honour_title', 'title_3_1_3'],
    ]);
    y.holders(why.with(['I1', 'I4', 'I6', 'I9']), u.id, OFFICIALS, [['reward', 'reward_3_1_3_officials']]);
    return;
  }
  const spec = CITY[o];
  if (!spec) return;
  const [rule, clause, officials, villageVeto, cadres] = spec;
  const atFault = villagesIn(y, a.at_fault);
  const why = base.as(rule, clause, []);
  y.unit(why.with(['I12']), u.id, VETO);
  const named = why.with(['I1', 'I6', 'I9', 'I12']);
  y.holders(named, u.id, OFFICIALS, officials);
  y.stationed(named, atFault, officials);
  if (villageVeto) for (const v of atFault) y.unit(why.with(['I12']), v, VETO);
  y.cadres(why.with(['I1', 'I9', 'I10', 'I12']), atFault, cadres);
  if (o === 'criticized_downgraded') return;
  // 四(二)4: the county units linked to the sampled villages at fault.
  for (const unit of linkedUnits(y, atFault)) {
    const linked = base.as('city-warning-linked-unit', '4.2.4', ['I1', 'I12'], unit);
    y.unit(linked, unit, VETO);
    y.holders(linked, unit, HEAD, [['award_veto'], ['fine', 'fine_4_2_4_head']]);
  }
}

/** 三(一)1–2, 三(二)1, 三(三)2 and 四(一): the province's assessment of the county. */
function provinceAssessment(y: Year, a: CaseAssessment): void {
  const o = a.outcome!;
  const base = new Why(y.factOf(a), a.decided_on ?? y.decidedOn, undefined);
  if (o === 'pass' || o === 'first_class') {
    // I3 replace: a 一类 county is rewarded under 3.1.2 instead of 3.1.1.
    const [rule, clause, p, deps] =
      o === 'pass'
        ? ['reward-province-pass-sampled-town', '3.1.1', 'reward_3_1_1', ['I3']]
        : ['reward-province-first-class-sampled-town', '3.1.2', 'reward_3_1_2', []];
    const readings = (more: string[]) =>
      [...deps, ...more].sort((x, z) => Number(x.slice(1)) - Number(z.slice(1)));
    for (const t of a.sampled ?? []) {
      if (y.units.get(t)!.kind !== 'town') continue;
      const why = base.as(rule, clause, [], t);
      y.unit(why.with(readings([])), t, [['reward', `${p}_town`]]);
      y.holders(why.with(readings(['I1', 'I9'])), t, SECRETARY_MAYOR, [['reward', `${p}_secretary_mayor`]]);
      y.holders(why.with(readings(['I1', 'I6', 'I9'])), t, IN_CHARGE_FP_OFFICE, [
        ['reward', `${p}_leader_fp_office`],
      ]);
      // I2 whole-town: everyone stationed at any village of the town.
      y.stationed(why.with(readings(['I1', 'I2', 'I9'])), y.villagesOf.get(t) ?? [], [
        ['reward', `${p}_stationed`],
      ]);
    }
    const sampled = villagesIn(y, a.sampled);
    for (const v of sampled)
      y.unit(base.as('reward-province-pass-sampled-village', '3.2.1', [], v), v, [
        ['reward', 'reward_3_2_1_village'],
      ]);
    for (const unit of linkedUnits(y, sampled))
      y.unit(base.as('reward-unit-linked-to-sampled-village', '3.3.2', ['I1', 'I11'], unit), unit, [
        ['reward', 'reward_3_3_2_unit'],
      ]);
    return;
  }
  if (o === 'fail' || o === 'advanced') return;
  const criticized = o === 'criticized_downgraded';
  const clause = criticized ? '4.1.1' : '4.1.2';
  const officials: Gift[] = criticized
    ? [['appraisal_cap'], ['fine', 'fine_4_1_1_officials']]
    : [['dismissal_or_demotion'], ['appraisal_cap'], ['fine', 'fine_4_1_2_officials']];
  const cadres: Gift[] = criticized
    ? [['fine', 'fine_4_1_1_village_cadres']]
    : [['three_stops'], ['fine', 'fine_4_1_2_village_cadres']];
  const townRule = criticized ? 'province-criticized-sampled-town' : 'province-warning-sampled-town';
  const villageRule = criticized ? 'province-criticized-sampled-village' : 'province-warning-sampled-village';
  for (const t of a.at_fault ?? []) {
    if (y.units.get(t)!.kind !== 'town') continue;
    y.unit(base.as(townRule, clause, ['I12'], t), t, VETO);
    y.holders(base.as(townRule, clause, ['I1', 'I6', 'I9', 'I12'], t), t, OFFICIALS, officials);
  }
  const atFault = villagesIn(y, a.at_fault);
  for (const v of atFault) {
    y.stationed(base.as(villageRule, clause, ['I1', 'I9', 'I12'], v), [v], officials);
    y.cadres(base.as(villageRule, clause, ['I1', 'I9', 'I10', 'I12'], v), [v], cadres);
  }
  for (const unit of a.caused_by ?? []) {
    if (criticized) {
      y.unit(base.as('province-criticized-caused-by-unit', '4.1.3', [], unit), unit, VETO);
      y.holders(
        base.as('province-criticized-caused-by-unit', '4.1.3', ['I1', 'I9'], unit),
        unit,
        UNIT_LEADERS,
        [['appraisal_cap'], ['fine', 'fine_4_1_3_criticized']],
      );
    } else
      y.holders(base.as('province-warning-caused-by-unit', '4.1.3', ['I1', 'I9'], unit), unit, UNIT_LEADERS, [
        ['dismissal_or_demotion'],
        ['fine', 'fine_4_1_3_reminder'],
      ]);
  }
  for (const unit of linkedUnits(y, atFault)) {
    const why = base.as('province-failure-linked-unit', '4.1.4', ['I1', 'I12'], unit);
    y.unit(why, unit, VETO);
    y.holders(why, unit, HEAD, [['appraisal_cap'], ['fine', 'fine_4_1_4_head']]);
  }
}

/** 三(二)2, 三(三)1, 三(三)3: county-wide rankings by score; rank = 1 + those strictly higher (I5). */
function ranking(
  y: Year,
  source: Map<string, CaseAssessment>,
  kind: string,
  zh: string,
  top: number,
  governanceOnly: boolean,
  winner: (id: string, fact: string, date: string) => void,
): void {
  const ranked: CaseAssessment[] = [];
  for (const a of y.cs.assessments ?? [])
    if (a.score !== undefined && source.get(a.subject) === a) {
      const u = y.units.get(a.subject)!;
      if (u.kind === kind && (!governanceOnly || u.governance_duty === true)) ranked.push(a);
    }
  ranked.sort((p, q) => q.score! - p.score!);
  let place = 0;
  ranked.forEach((a, i) => {
    if (i === 0 || a.score !== ranked[i - 1]!.score) place = i + 1;
    if (place <= top)
      winner(
        a.subject,
        `${y.factOf(a)}；在全县${ranked.length}个参评${zh}中总分排名第${place}名（前${top}名）`,
        a.decided_on ?? y.decidedOn,
      );
  });
}

function rankings(y: Year): void {
  ranking(
    y,
    y.countyAnnual,
    'village',
    '村（社区、工区）',
    y.params.get('rank_3_2_2') as number,
    false,
    (v, fact, date) => {
      if (!y.passes(v)) return;
      const why = new Why(fact, date, v, 'reward-village-top-ten', '3.2.2', []);
      y.unit(why.with(['I4', 'I5']), v, [['reward', 'reward_3_2_2_village'], ['plaque']]);
      y.stationed(why.with(['I1', 'I4', 'I5', 'I9']), [v], [['reward', 'reward_3_2_2_stationed']]);
    },
  );
  ranking(
    y,
    y.countyAnnual,
    'county_unit',
    '县直单位',
    y.params.get('rank_3_3_1') as number,
    false,
    (u, fact, date) => {
      const linked = y.villagesOfUnit.get(u) ?? [];
      if (!y.passes(u) || linked.length === 0 || !linked.every((v) => y.passes(v))) return;
      y.unit(new Why(fact, date, u, 'reward-county-unit-top-five', '3.3.1', ['I1', 'I4', 'I5']), u, [
        ['reward', 'reward_3_3_1_unit'],
        ['honour_title', 'title_3_3_1'],
        ['plaque'],
      ]);
    },
  );
  ranking(
    y,
    y.governance,
    'county_unit',
    '计生综合治理职责单位',
    y.params.get('rank_3_3_3') as number,
    true,
    (u, fact, date) =>
      y.unit(new Why(fact, date, u, 'reward-governance-unit-top-five', '3.3.3', ['I4', 'I5']), u, [
        ['honour_title', 'title_3_3_3'],
        ['reward', 'reward_3_3_3_unit'],
        ['plaque'],
      ]),
  );
}

/** 三(一)4–5, 三(二)3–4 and 四(三)1(8): categories, acceptances, incidents. */
function otherEvents(y: Year): void {
  const cs = y.cs;
  const date = y.decidedOn;
  const before = new Map<string, number>();
  for (const r of cs.categories ?? []) if (r.fp_year === cs.fp_year - 1) before.set(r.unit, r.category);
  for (const r of cs.categories ?? []) {
    const was = before.get(r.unit);
    if (r.fp_year !== cs.fp_year || was === undefined || r.category >= was) continue;
    const u = y.units.get(r.unit)!;
    const fact = `${u.name}计生工作类别由${cs.fp_year - 1}年度的${was}类升为${cs.fp_year}年度的${r.category}类`;
    if (u.kind === 'town') {
      const why = new Why(fact, date, u.id, 'reward-town-category-up', '3.1.4', []);
      y.unit(why.with([]), u.id, [['reward', 'reward_3_1_4_town']]);
      y.holders(why.with(['I1', 'I6', 'I9']), u.id, OFFICIALS, [['reward', 'reward_3_1_4_officials']]);
    } else
      y.unit(new Why(fact, date, u.id, 'reward-village-category-up', '3.2.3', []), u.id, [
        ['reward', 'reward_3_2_3_village'],
      ]);
  }
  for (const a of cs.acceptances ?? []) {
    if (!a.passed) continue;
    const u = y.units.get(a.unit)!;
    const fact = `${u.name}实现${ACCEPTANCE_KINDS[a.kind]?.zh}，经${ASSESSOR_ZH[a.by]}考核验收合格`;
    if (a.kind === 'no_multi_child_birth' && (a.by === 'province' || a.by === 'city'))
      y.unit(new Why(fact, date, u.id, 'reward-town-no-multi-child-birth', '3.1.5', []), u.id, [
        ['reward', 'reward_3_1_5_town'],
      ]);
    else if (a.kind === 'no_out_of_policy_birth' && (a.by === 'city' || a.by === 'county'))
      y.unit(new Why(fact, date, u.id, 'reward-village-no-out-of-policy-birth', '3.2.4', []), u.id, [
        ['reward', 'reward_3_2_4_village'],
      ]);
  }
  const year = fpYear(cs.fp_year);
  for (const i of cs.incidents ?? [])
    if (i.occurred_on >= year.start && i.occurred_on <= year.end)
      y.give(
        new Why(
          `${y.personName(i.person)}于${i.occurred_on}包庇、纵容子女违反计划生育，出现政策外生育`,
          date,
          undefined,
          'shielded-out-of-policy-birth',
          '4.3.1.8',
          [],
        ),
        'person',
        i.person,
        '',
        [['appraisal_cap'], ['fine', 'fine_4_3_1_8']],
      );
}

/** 四(三)2(2): two warning notices in a row (I13), handled as 4.3.1.1, 4.3.1.5 or 4.3.1.3 (I7). */
function noticesInARow(y: Year): void {
  const year = fpYear(y.cs.fp_year);
  const byUnit = new Map<string, NonNullable<ZerenCase['warning_notices']>>();
  for (const n of y.cs.warning_notices ?? [])
    if (n.issued_on >= year.start && n.issued_on <= year.end) add(byUnit, n.unit, n);
  for (const [id, ns] of byUnit) {
    if (ns.length < 2) continue;
    ns.sort((a, b) =>
      a.issued_on < b.issued_on ? -1 : a.issued_on > b.issued_on ? 1 : a.id < b.id ? -1 : 1,
    );
    let i = 0;
    while (
      i + 1 < ns.length &&
      ns[i]!.corrected_on !== undefined &&
      ns[i]!.corrected_on! < ns[i + 1]!.issued_on
    )
      i++;
    if (i + 1 >= ns.length) continue;
    const [a, b] = [ns[i]!, ns[i + 1]!];
    const u = y.units.get(id)!;
    const fix = a.corrected_on ? `第一次于${a.corrected_on}验收整改，未在第二次下发前` : '第一次未经验收整改';
    const fact = `${u.name}本计生年度连续二次被下发警示通知书（${a.issued_on}“${zhPunct(a.matter)}”、${b.issued_on}“${zhPunct(b.matter)}”，${fix}），年度计生工作予以提醒注意`;
    const base = new Why(fact, y.decidedOn, id);
    if (u.kind === 'town') {
      const why = base.as('notices-in-a-row-town', '4.3.2.2', [], id, '4.3.1.1');
      y.unit(why.with(['I13']), id, VETO);
      y.holders(why.with(['I1', 'I6', 'I9', 'I13']), id, OFFICIALS, [
        ['award_veto'],
        ['transfer_promotion_freeze'],
        ['fine', 'fine_4_3_1_1_officials'],
      ]);
      y.holders(base.as('notices-in-a-row-talk-town', '4.3.2.2', ['I1', 'I9', 'I13']), id, SECRETARY_MAYOR, [
        ['admonishment_talk'],
      ]);
    } else if (u.kind === 'village') {
      const why = base.as('notices-in-a-row-village', '4.3.2.2', [], id, '4.3.1.5');
      y.unit(why.with(['I7', 'I13']), id, VETO);
      y.cadres(why.with(['I1', 'I7', 'I9', 'I10', 'I13']), [id], [['fine', 'fine_4_3_1_5_village_cadres']]);
      y.stationed(
        why.with(['I1', 'I7', 'I9', 'I13']),
        [id],
        [['award_veto'], ['transfer_promotion_freeze'], ['fine', 'fine_4_3_1_5_stationed']],
      );
    } else {
      y.holders(
        base.as('notices-in-a-row-county-unit', '4.3.2.2', ['I1', 'I7', 'I9', 'I13'], id, '4.3.1.3'),
        id,
        UNIT_LEADERS,
        [['award_veto'], ['fine', 'fine_4_3_1_3_reminder']],
      );
      y.holders(base.as('notices-in-a-row-talk-county-unit', '4.3.2.2', ['I1', 'I13']), id, HEAD, [
        ['admonishment_talk'],
      ]);
    }
  }
}

/** I9: one entry per subject, clause and type, in the order of subject kind, id, clause, type. */
function beforeInOrder(a: Entry, b: Entry): boolean {
  return a.c.clause !== b.c.clause ? a.c.clause < b.c.clause : a.c.type < b.c.type;
}

/** Entries by subject kind and id, each list in the order given. */
function bySubject<T extends Entry>(entries: T[]) {
  const byKind = { person: new Map<string, T[]>(), unit: new Map<string, T[]>() };
  for (const e of entries) add(byKind[e.c.subject.kind], e.c.subject.id, e);
  return byKind;
}

function inOrder<T extends Entry>(y: Year, byKind: ReturnType<typeof bySubject<T>>): T[] {
  const out: T[] = [];
  for (const [kind, listed] of [
    ['person', y.cs.people ?? []],
    ['unit', y.cs.units],
  ] as const) {
    const m = byKind[kind];
    // The case usually lists people and units by id already: sorting them then costs little.
    const ids: string[] = [];
    for (const x of listed) if (m.has(x.id)) ids.push(x.id);
    for (const id of ids.length === m.size ? ids.sort() : [...m.keys()].sort()) {
      const list = m.get(id)!;
      for (let i = 1; i < list.length; i++) {
        const e = list[i]!;
        let j = i - 1;
        for (; j >= 0 && beforeInOrder(e, list[j]!); j--) list[j + 1] = list[j]!;
        list[j + 1] = e;
      }
      const first = out.length;
      for (const e of list) {
        const p = out.length > first ? out[out.length - 1]! : undefined;
        if (!p || p.c.clause !== e.c.clause || p.c.type !== e.c.type) out.push(e);
        else if (
          e.fen !== p.fen
            ? e.fen > p.fen
            : e.c.from !== p.c.from
              ? (e.c.from ?? '') < (p.c.from ?? '')
              : e.c.explanation < p.c.explanation
        )
          out[out.length - 1] = e;
      }
    }
  }
  return out;
}

/** The whole job for one county year: the result Zeren gives under the default readings. */
export function decideCounty(cs: ZerenCase, clauses: Map<string, Clause>, params: Params): ZerenResult {
  if (cs.interpretations && Object.keys(cs.interpretations).length > 0)
    throw new Error('the hand-written function knows the default interpretations only');
  const y = new Year(cs, clauses, params);
  for (const a of cs.assessments ?? []) {
    if ((a.kind ?? 'annual') !== 'annual') continue;
    const u = y.units.get(a.subject)!;
    if (a.by === 'county') countyAssessment(y, a, u);
    else if (a.by === 'city') cityAssessment(y, a, u);
    else provinceAssessment(y, a);
  }
  rankings(y);
  otherEvents(y);
  noticesInARow(y);

  // I4: the withheld clauses' honours and money, for a vetoed unit or to a vetoed person.
  const vetoes = new Map<string, Set<string>>();
  for (const e of y.entries)
    if (e.c.type === 'award_veto') {
      const k = `${e.c.subject.kind}:${e.c.subject.id}`;
      const set = vetoes.get(k);
      if (set) set.add(e.c.clause);
      else vetoes.set(k, new Set([e.c.clause]));
    }
  const kept: Entry[] = [];
  const held: Held[] = [];
  for (const e of y.entries) {
    const unitVeto = WITHHELD.has(e.c.clause) && e.forUnit ? vetoes.get(`unit:${e.forUnit}`) : undefined;
    const personVeto =
      WITHHELD.has(e.c.clause) && e.c.subject.kind === 'person'
        ? vetoes.get(`person:${e.c.subject.id}`)
        : undefined;
    if (unitVeto) held.push({ ...e, reason: 'I4: unit award veto', by: unitVeto });
    else if (personVeto) held.push({ ...e, reason: 'I4: person award veto', by: personVeto });
    else kept.push(e);
  }
  const keptBySubject = bySubject(kept);
  const consequences = inOrder(y, keptBySubject);
  const given = (h: Entry) =>
    (keptBySubject[h.c.subject.kind].get(h.c.subject.id) ?? []).some(
      (e) => e.c.clause === h.c.clause && e.c.type === h.c.type,
    );
  const withheld: Withheld[] = inOrder(y, bySubject(held))
    .filter((h) => !given(h))
    .map((h) => {
      const who = h.reason.includes('unit') ? y.unitName(h.forUnit!) : y.personName(h.c.subject.id);
      const labels = [...h.by]
        .sort()
        .map((cl) => clauses.get(cl)!.label)
        .join('、');
      return {
        ...h.c,
        reason: h.reason,
        explanation: `${who}本计生年度被评先评优一票否决（依据${labels}），按解释I4本项暂不兑现。原应：${h.c.explanation}`,
      };
    });
  return {
    format: 'zeren-result/1',
    policy: cs.policy,
    fp_year: cs.fp_year,
    interpretations: { ...DEFAULTS },
    consequences: consequences.map((e) => e.c),
    withheld,
  };
}

export const handwritten: Baseline = {
  id: 'handwritten',
  label: 'hand-written TypeScript',
  explains: true,
  async setup() {
    const clauses = loadEngine().pack.clauses;
    return (c: ZerenCase) => decideCounty(c, clauses, paramsFor(c.fp_year));
  },
};
