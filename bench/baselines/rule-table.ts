// The rules of county-fp-2009 (policies/county-fp-2009/rules.yaml, default interpretations) as a
// flat decision table over population facts (facts.ts): each row is a list of tests on one fact,
// all of which must hold, and the consequences the fact's subject then receives. The baselines
// translate this one table into json-rules-engine rules, json-logic expressions and a zen decision
// table, so that all three decide exactly the same rows. Amounts and titles are parameter names of
// the pack, resolved when a baseline is set up.

import type { ConsequenceType } from '../../src/domain/vocabulary.ts';
import type { Fact } from './facts.ts';

export type Field = Exclude<keyof Fact, 'subject' | 'subject_kind' | 'for_unit'>;

export type Test =
  | { field: Field; is: string | boolean }
  | { field: Field; among: readonly string[] }
  /** 1 ≤ value ≤ top */
  | { field: Field; top: number };

export interface Give {
  type: ConsequenceType;
  /** The parameter holding the amount (reward, fine) or the title (honour_title). */
  param?: string;
  /** transfer_promotion_freeze: which decision date the year runs from. */
  date?: 'date_city' | 'date_county' | 'date_county_town' | 'date_case';
}

export interface Row {
  id: string;
  clause: string;
  /** 4.3.2.2 handles a unit as the 提醒注意 item it names. */
  applies?: string;
  when: Test[];
  give: Give[];
}

const is = (field: Field, value: string | boolean): Test => ({ field, is: value });
const among = (field: Field, values: readonly string[]): Test => ({ field, among: values });
const top = (field: Field, n: number): Test => ({ field, top: n });

const FAILING = ['fail', 'criticized_downgraded', 'reminder', 'yellow_card'];
const PASSING = ['first_class', 'advanced', 'pass'];
const WARNING = ['reminder', 'yellow_card'];
const SECRETARY_MAYOR = ['party_secretary', 'mayor'];

const unit = (kind: string) => [is('group', 'unit'), is('unit_kind', kind)];
const officials = [is('group', 'town_official')];
const stationed = [is('group', 'stationed')];
const cadres = [is('group', 'village_cadre')];
const leaders = [is('group', 'unit_leader')];
const head = [is('group', 'unit_leader'), is('role', 'head')];

const veto: Give = { type: 'award_veto' };
const cap: Give = { type: 'appraisal_cap' };
const dismissal: Give = { type: 'dismissal_or_demotion' };
const stops: Give = { type: 'three_stops' };
const plaque: Give = { type: 'plaque' };
const money = (type: 'reward' | 'fine', param: string): Give => ({ type, param });
const reward = (param: string) => money('reward', param);
const fine = (param: string) => money('fine', param);
const title = (param: string): Give => ({ type: 'honour_title', param });
const freeze = (date: NonNullable<Give['date']>): Give => ({ type: 'transfer_promotion_freeze', date });

function row(id: string, clause: string, when: Test[], give: Give[], applies?: string): Row {
  return applies ? { id, clause, applies, when, give } : { id, clause, when, give };
}

/** 3.1.1 and 3.1.2: a sampled town, its officials and everyone stationed in it (I2 whole-town). */
function provinceReward(clause: string, outcome: string, p: string): Row[] {
  const pass = [is('prov_outcome', outcome)];
  return [
    row(
      `${clause}-town`,
      clause,
      [...unit('town'), ...pass, is('prov_sampled', true)],
      [reward(`${p}_town`)],
    ),
    row(
      `${clause}-secretary-mayor`,
      clause,
      [...officials, among('role', SECRETARY_MAYOR), ...pass, is('prov_sampled', true)],
      [reward(`${p}_secretary_mayor`)],
    ),
    row(
      `${clause}-leader-fp-office`,
      clause,
      [
        ...officials,
        among('role', ['leader_in_charge', 'fp_office_head']),
        ...pass,
        is('prov_sampled', true),
      ],
      [reward(`${p}_leader_fp_office`)],
    ),
    row(
      `${clause}-stationed`,
      clause,
      [...stationed, ...pass, is('town_prov_sampled', true)],
      [reward(`${p}_stationed`)],
    ),
  ];
}

/** 4.1.1 and 4.1.2: the sampled town at fault, its officials, and the sampled villages at fault. */
function provincePenalty(
  clause: string,
  outcomes: string[],
  officialsGive: Give[],
  cadresGive: Give[],
): Row[] {
  const when = [among('prov_outcome', outcomes), is('prov_at_fault', true)];
  return [
    row(`${clause}-town`, clause, [...unit('town'), ...when], [veto]),
    row(`${clause}-officials`, clause, [...officials, ...when], officialsGive),
    row(`${clause}-stationed`, clause, [...stationed, ...when], officialsGive),
    row(`${clause}-cadres`, clause, [...cadres, ...when], cadresGive),
  ];
}

/** 4.2.1–4.2.3 and 4.3.1.1–4.3.1.2: a town's outcome, the villages at fault in that assessment. */
function townPenalty(
  clause: string,
  by: 'city' | 'county',
  outcome: string,
  officialsGive: Give[],
  villageVeto: boolean,
  cadresGive: Give[],
): Row[] {
  const townOutcome = is(by === 'city' ? 'city_outcome' : 'county_outcome', outcome);
  const atFault =
    by === 'city'
      ? [is('city_outcome', outcome), is('city_at_fault', true)]
      : [is('county_town_outcome', outcome), is('county_town_at_fault', true)];
  // A village's freeze runs from its town's assessment.
  const stationedGive = officialsGive.map((g) =>
    g.date === 'date_county' ? { ...g, date: 'date_county_town' as const } : g,
  );
  return [
    row(`${clause}-town`, clause, [...unit('town'), townOutcome], [veto]),
    row(`${clause}-officials`, clause, [...officials, townOutcome], officialsGive),
    row(`${clause}-stationed`, clause, [...stationed, ...atFault], stationedGive),
    ...(villageVeto ? [row(`${clause}-village`, clause, [...unit('village'), ...atFault], [veto])] : []),
    row(`${clause}-cadres`, clause, [...cadres, ...atFault], cadresGive),
  ];
}

/** 4.3.1.4–4.3.1.6 (and 4.3.2.2 for a village): the village, its cadres, who is stationed there. */
function villagePenalty(
  clause: string,
  when: Test[],
  cadresGive: Give[],
  stationedGive: Give[],
  applies?: string,
) {
  return [
    row(
      `${clause}-village${applies ? '-notices' : ''}`,
      clause,
      [...unit('village'), ...when],
      [veto],
      applies,
    ),
    row(`${clause}-cadres${applies ? '-notices' : ''}`, clause, [...cadres, ...when], cadresGive, applies),
    row(
      `${clause}-stationed${applies ? '-notices' : ''}`,
      clause,
      [...stationed, ...when],
      stationedGive,
      applies,
    ),
  ];
}

export const RULE_TABLE: readonly Row[] = [
  // 一 1 and 一(一): a unit (or a county leader's town or village) failing its annual target.
  row('1', '1', [is('group', 'unit'), among('county_outcome', FAILING)], [veto]),
  row('1.1', '1.1', [is('group', 'county_leader'), among('county_outcome', FAILING)], [veto]),

  // 三(一) towns
  ...provinceReward('3.1.1', 'pass', 'reward_3_1_1'),
  ...provinceReward('3.1.2', 'first_class', 'reward_3_1_2'),
  row(
    '3.1.3-town',
    '3.1.3',
    [...unit('town'), is('city_outcome', 'advanced')],
    [reward('reward_3_1_3_town'), title('title_3_1_3')],
  ),
  row(
    '3.1.3-officials',
    '3.1.3',
    [...officials, is('city_outcome', 'advanced')],
    [reward('reward_3_1_3_officials')],
  ),
  row('3.1.4-town', '3.1.4', [...unit('town'), is('category_up', true)], [reward('reward_3_1_4_town')]),
  row(
    '3.1.4-officials',
    '3.1.4',
    [...officials, is('category_up', true)],
    [reward('reward_3_1_4_officials')],
  ),
  row('3.1.5', '3.1.5', [...unit('town'), is('accepted', true)], [reward('reward_3_1_5_town')]),

  // 三(二) villages
  row(
    '3.2.1',
    '3.2.1',
    [...unit('village'), among('prov_outcome', PASSING), is('prov_sampled', true)],
    [reward('reward_3_2_1_village')],
  ),
  row(
    '3.2.2-village',
    '3.2.2',
    [...unit('village'), top('rank', 10), among('county_outcome', PASSING)],
    [reward('reward_3_2_2_village'), plaque],
  ),
  row(
    '3.2.2-stationed',
    '3.2.2',
    [...stationed, top('rank', 10), among('county_outcome', PASSING)],
    [reward('reward_3_2_2_stationed')],
  ),
  row('3.2.3', '3.2.3', [...unit('village'), is('category_up', true)], [reward('reward_3_2_3_village')]),
  row('3.2.4', '3.2.4', [...unit('village'), is('accepted', true)], [reward('reward_3_2_4_village')]),

  // 三(三) county units
  row(
    '3.3.1',
    '3.3.1',
    [
      ...unit('county_unit'),
      top('rank', 5),
      among('county_outcome', PASSING),
      is('linked_all_passing', true),
    ],
    [reward('reward_3_3_1_unit'), title('title_3_3_1'), plaque],
  ),
  row(
    '3.3.2',
    '3.3.2',
    [...unit('county_unit'), among('prov_outcome', PASSING), is('linked_prov_sampled', true)],
    [reward('reward_3_3_2_unit')],
  ),
  row(
    '3.3.3',
    '3.3.3',
    [...unit('county_unit'), top('gov_rank', 5)],
    [title('title_3_3_3'), reward('reward_3_3_3_unit'), plaque],
  ),

  // 四(一) the province's outcome
  ...provincePenalty(
    '4.1.1',
    ['criticized_downgraded'],
    [cap, fine('fine_4_1_1_officials')],
    [fine('fine_4_1_1_village_cadres')],
  ),
  ...provincePenalty(
    '4.1.2',
    WARNING,
    [dismissal, cap, fine('fine_4_1_2_officials')],
    [stops, fine('fine_4_1_2_village_cadres')],
  ),
  row(
    '4.1.3-unit',
    '4.1.3',
    [...unit('county_unit'), is('prov_outcome', 'criticized_downgraded'), is('prov_caused', true)],
    [veto],
  ),
  row(
    '4.1.3-leaders',
    '4.1.3',
    [...leaders, is('prov_outcome', 'criticized_downgraded'), is('prov_caused', true)],
    [cap, fine('fine_4_1_3_criticized')],
  ),
  row(
    '4.1.3-leaders-warning',
    '4.1.3',
    [...leaders, among('prov_outcome', WARNING), is('prov_caused', true)],
    [dismissal, fine('fine_4_1_3_reminder')],
  ),
  row(
    '4.1.4-unit',
    '4.1.4',
    [
      ...unit('county_unit'),
      among('prov_outcome', ['criticized_downgraded', ...WARNING]),
      is('linked_prov_at_fault', true),
    ],
    [veto],
  ),
  row(
    '4.1.4-head',
    '4.1.4',
    [...head, among('prov_outcome', ['criticized_downgraded', ...WARNING]), is('linked_prov_at_fault', true)],
    [cap, fine('fine_4_1_4_head')],
  ),

  // 四(二) the city's outcome
  ...townPenalty('4.2.1', 'city', 'criticized_downgraded', [veto, fine('fine_4_2_1_officials')], true, [
    fine('fine_4_2_1_village_cadres'),
  ]),
  ...townPenalty(
    '4.2.2',
    'city',
    'reminder',
    [freeze('date_city'), cap, fine('fine_4_2_2_officials')],
    true,
    [fine('fine_4_2_2_village_cadres')],
  ),
  ...townPenalty('4.2.3', 'city', 'yellow_card', [dismissal, cap, fine('fine_4_2_3_officials')], false, [
    stops,
    fine('fine_4_2_3_village_cadres'),
  ]),
  row('4.2.4-unit', '4.2.4', [...unit('county_unit'), is('linked_city_warning_at_fault', true)], [veto]),
  row(
    '4.2.4-head',
    '4.2.4',
    [...head, is('linked_city_warning_at_fault', true)],
    [veto, fine('fine_4_2_4_head')],
  ),
  row(
    '4.2.5',
    '4.2.5',
    [...leaders, among('city_outcome', WARNING)],
    [veto, dismissal, cap, fine('fine_4_2_5_leaders')],
  ),

  // 四(三)1 the county's outcome
  ...townPenalty(
    '4.3.1.1',
    'county',
    'reminder',
    [veto, freeze('date_county'), fine('fine_4_3_1_1_officials')],
    true,
    [fine('fine_4_3_1_1_village_cadres')],
  ),
  ...townPenalty(
    '4.3.1.2',
    'county',
    'yellow_card',
    [veto, freeze('date_county'), fine('fine_4_3_1_2_officials')],
    true,
    [stops, fine('fine_4_3_1_2_village_cadres')],
  ),
  row(
    '4.3.1.3-reminder',
    '4.3.1.3',
    [...leaders, is('county_outcome', 'reminder')],
    [veto, fine('fine_4_3_1_3_reminder')],
  ),
  row(
    '4.3.1.3-yellow',
    '4.3.1.3',
    [...leaders, is('county_outcome', 'yellow_card')],
    [cap, fine('fine_4_3_1_3_yellow')],
  ),
  row(
    '4.3.1.3-unit',
    '4.3.1.3',
    [...unit('county_unit'), is('county_outcome', 'yellow_card')],
    [{ type: 'report_to_superior' }],
  ),
  ...villagePenalty(
    '4.3.1.4',
    [is('county_outcome', 'criticized_downgraded')],
    [fine('fine_4_3_1_4_village_cadres')],
    [veto, fine('fine_4_3_1_4_stationed')],
  ),
  ...villagePenalty(
    '4.3.1.5',
    [is('county_outcome', 'reminder')],
    [fine('fine_4_3_1_5_village_cadres')],
    [veto, freeze('date_county'), fine('fine_4_3_1_5_stationed')],
  ),
  ...villagePenalty(
    '4.3.1.6',
    [is('county_outcome', 'yellow_card')],
    [stops, fine('fine_4_3_1_6_village_cadres')],
    [cap, fine('fine_4_3_1_6_stationed')],
  ),
  row('4.3.1.7-unit', '4.3.1.7', [...unit('county_unit'), is('linked_village_criticized', true)], [veto]),
  row(
    '4.3.1.7-head',
    '4.3.1.7',
    [...head, is('linked_village_criticized', true)],
    [veto, fine('fine_4_3_1_7_criticized')],
  ),
  row('4.3.1.7-unit-warning', '4.3.1.7', [...unit('county_unit'), is('linked_village_warned', true)], [veto]),
  row(
    '4.3.1.7-head-warning',
    '4.3.1.7',
    [...head, is('linked_village_warned', true)],
    [veto, fine('fine_4_3_1_7_reminder')],
  ),
  row('4.3.1.8', '4.3.1.8', [is('group', 'incident')], [cap, fine('fine_4_3_1_8')]),

  // 四(三)2(2): two warning notices in a row, handled as the 提醒注意 item of the unit's kind (I7).
  row('4.3.2.2-town', '4.3.2.2', [...unit('town'), is('notices_in_a_row', true)], [veto], '4.3.1.1'),
  row(
    '4.3.2.2-officials',
    '4.3.2.2',
    [...officials, is('notices_in_a_row', true)],
    [veto, freeze('date_case'), fine('fine_4_3_1_1_officials')],
    '4.3.1.1',
  ),
  ...villagePenalty(
    '4.3.2.2',
    [is('notices_in_a_row', true)],
    [fine('fine_4_3_1_5_village_cadres')],
    [veto, freeze('date_case'), fine('fine_4_3_1_5_stationed')],
    '4.3.1.5',
  ),
  row(
    '4.3.2.2-leaders',
    '4.3.2.2',
    [...leaders, is('notices_in_a_row', true)],
    [veto, fine('fine_4_3_1_3_reminder')],
    '4.3.1.3',
  ),
  row(
    '4.3.2.2-talk-town',
    '4.3.2.2',
    [...officials, among('role', SECRETARY_MAYOR), is('notices_in_a_row', true)],
    [{ type: 'admonishment_talk' }],
  ),
  row(
    '4.3.2.2-talk-unit',
    '4.3.2.2',
    [...head, is('notices_in_a_row', true)],
    [{ type: 'admonishment_talk' }],
  ),
];

/** I4: these clauses' honours and money are withheld from a vetoed unit (and its people) or person. */
export const WITHHELD_CLAUSES: ReadonlySet<string> = new Set(['3.1.3', '3.2.2', '3.3.1', '3.3.3']);

/** Whether a fact passes a row's tests: the reference reading of the table, used by the tests. */
export function holds(row: Row, f: Fact): boolean {
  return row.when.every((t) => {
    const v = f[t.field];
    if ('is' in t) return v === t.is;
    if ('among' in t) return t.among.includes(v as string);
    return typeof v === 'number' && v >= 1 && v <= t.top;
  });
}
