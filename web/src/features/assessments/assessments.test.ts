import { describe, expect, it } from 'vitest';
import { shippedWords } from '../../lib/vocabulary-test-kit.ts';
import type { CategoryChange, Unit } from './api.ts';
import { categoriesBar, categoriesByTown, categoriesText } from './charts.ts';
import {
  causeChoices,
  kindsFor,
  outcomesFor,
  sampleChoices,
  subjectsFor,
  toBody,
  unitLabel,
} from './form.ts';

const words = shippedWords();

const u = (id: string, kind: string, town: string | null = null, governance_duty = false): Unit => ({
  id,
  name: id,
  kind,
  kind_zh: kind,
  town,
  town_name: town,
  governance_duty,
});
const units = [
  u('county', 'county'),
  u('t1', 'town'),
  u('t2', 'town'),
  u('v1', 'village', 't1'),
  u('v2', 'village', 't1'),
  u('v3', 'village', 't2'),
  u('u1', 'county_unit', null, true),
  u('u2', 'county_unit'),
];
const ids = (l: Unit[]) => l.map((x) => x.id);

describe('the assessment form', () => {
  it('offers the subjects each assessor assesses', () => {
    expect(ids(subjectsFor('province', units))).toEqual(['county']);
    expect(ids(subjectsFor('city', units))).toEqual(['t1', 't2', 'u1', 'u2']);
    expect(ids(subjectsFor('county', units))).toEqual(['t1', 't2', 'v1', 'v2', 'v3', 'u1', 'u2']);
  });

  it('offers the outcomes the case format allows, and the duty evaluation only to the county of a governance unit', () => {
    expect(outcomesFor('city', units[1], 'annual', words).map((o) => o.label)).toEqual([
      '先进单位',
      '达标',
      '不达标',
      '通报批评、降类管理',
      '提醒注意',
      '黄牌警告',
    ]);
    expect(outcomesFor('city', units[6], 'annual', words).map((o) => o.value)).toEqual([
      'pass',
      'fail',
      'reminder',
      'yellow_card',
    ]);
    expect(outcomesFor('county', units[6], 'governance_duty', words)).toEqual([]);
    // Until the county's words arrive, nothing to choose; a pack's own label is what is shown.
    expect(outcomesFor('city', units[6], 'annual', undefined)).toEqual([]);
    const renamed = structuredClone(words);
    renamed.outcomes.pass = { zh: '合格(达标)', passing: true };
    expect(outcomesFor('city', units[6], 'annual', renamed)[0]).toEqual({
      value: 'pass',
      label: '合格（达标）',
    });
    expect(kindsFor('county', units[6])).toEqual(['annual', 'governance_duty']);
    expect(kindsFor('city', units[6])).toEqual(['annual']);
  });

  it('lets a town’s own villages be sampled, towns and villages for the county, county units cause province outcomes', () => {
    expect(ids(sampleChoices(units[1], units))).toEqual(['v1', 'v2']);
    expect(ids(sampleChoices(units[0], units))).toEqual(['t1', 't2', 'v1', 'v2', 'v3']);
    expect(ids(sampleChoices(units[3], units))).toEqual([]);
    expect(ids(causeChoices('province', units))).toEqual(['u1', 'u2']);
    expect(ids(causeChoices('county', units))).toEqual([]);
    expect(unitLabel(units[3]!)).toBe('v1（t1）');
  });

  it('maps the form to the facts API: at fault within sampled, caused_by for the province only', () => {
    expect(
      toBody(
        {
          by: 'county',
          subject: 't1',
          kind: 'annual',
          outcome: 'pass',
          score: 91.5,
          sampled: ['v1'],
          at_fault: ['v1', 'v2'],
          caused_by: ['u1'],
        },
        2010,
      ),
    ).toEqual({
      fp_year: 2010,
      by: 'county',
      subject: 't1',
      kind: 'annual',
      outcome: 'pass',
      score: 91.5,
      sampled: ['v1'],
      at_fault: ['v1'],
      caused_by: [],
    });
    expect(
      toBody(
        {
          by: 'county',
          subject: 'u1',
          kind: 'governance_duty',
          outcome: 'pass',
          score: null,
          decided_on: '2010-12-20',
        },
        2010,
      ),
    ).toEqual({
      fp_year: 2010,
      by: 'county',
      subject: 'u1',
      kind: 'governance_duty',
      sampled: [],
      at_fault: [],
      caused_by: [],
      decided_on: '2010-12-20',
    });
  });
});

describe('categories by town', () => {
  const c = (
    unit: string,
    kind: 'town' | 'village',
    town: string,
    current: number | null,
  ): CategoryChange => ({
    unit,
    name: unit,
    kind,
    kind_zh: '',
    town,
    town_name: `${town}镇`,
    previous: null,
    current,
    improved: false,
    zh: '',
  });
  it('counts each town’s villages by this year’s category, towns themselves and villages without one left out', () => {
    const rows = categoriesByTown([
      c('t2', 'town', 't2', 1),
      c('v3', 'village', 't2', 2),
      c('v1', 'village', 't1', 1),
      c('v2', 'village', 't1', 3),
      c('v4', 'village', 't1', null),
    ]);
    expect(rows).toEqual([
      { town: 't1', town_name: 't1镇', counts: { 1: 1, 3: 1 } },
      { town: 't2', town_name: 't2镇', counts: { 2: 1 } },
    ]);
    expect(
      (categoriesBar(rows).series as { name: string; data: number[] }[]).map((s) => [s.name, s.data]),
    ).toEqual([
      ['一类', [1, 0]],
      ['二类', [0, 1]],
      ['三类', [1, 0]],
    ]);
    expect(categoriesText(rows)).toBe(
      '各镇（场）所辖村的本年度类别：t1镇一类 1 个、三类 1 个；t2镇二类 1 个。',
    );
  });
});
