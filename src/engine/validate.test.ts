// Validation names every problem with its path, in Chinese and English, and gives no result.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadEngine } from '../policy/load.ts';

const engine = loadEngine();
const example = () =>
  parse(readFileSync(new URL('../../examples/qingshui-2009.yaml', import.meta.url), 'utf8'));

function problemsOf(mutate: (c: any) => void): string[] {
  const c = example();
  mutate(c);
  const out = engine.evaluate(c);
  if (out.ok) return [];
  for (const p of out.problems) {
    expect(p.zh.length, `Chinese message for ${p.path}`).toBeGreaterThan(0);
    expect(p.en.length, `English message for ${p.path}`).toBeGreaterThan(0);
  }
  return out.problems.map((p) => `${p.path} ${p.code}`);
}

describe('case validation', () => {
  it('accepts the worked example', () => {
    expect(problemsOf(() => {})).toEqual([]);
  });

  it.each([
    ['an unknown unit in a post', (c: any) => (c.posts[3].unit = 't9'), 'posts[3].unit unknown_ref'],
    [
      'an unknown person in a link',
      (c: any) => (c.links[0].person = 'nobody'),
      'links[0].person unknown_ref',
    ],
    ['a village without a town', (c: any) => delete c.units[3].town, 'units[3].town required'],
    ['a village in a village', (c: any) => (c.units[3].town = 'v-qiaotou'), 'units[3].town unknown_ref'],
    [
      'at_fault not within sampled',
      (c: any) => (c.assessments[0].at_fault = ['t-xishan']),
      'assessments[0].at_fault[0] not_sampled',
    ],
    [
      'an outcome the assessor cannot give',
      (c: any) => (c.assessments[3].outcome = 'advanced'),
      'assessments[3].outcome not_allowed',
    ],
    [
      'the province assessing a town',
      (c: any) => (c.assessments[0].subject = 't-dongfeng'),
      'assessments[0].subject not_allowed',
    ],
    ['a date that is not a date', (c: any) => (c.decided_on = '2009-02-30'), 'decided_on date'],
    ['a post ending before it starts', (c: any) => (c.posts[0].to = '2005-01-01'), 'posts[0].to range'],
    [
      'an unknown interpretation value',
      (c: any) => (c.interpretations = { I2: 'some-villages' }),
      'interpretations.I2 enum',
    ],
    [
      'an unknown interpretation',
      (c: any) => (c.interpretations = { I99: 'x' }),
      'interpretations.I99 unknown_interpretation',
    ],
    ['a role the unit does not have', (c: any) => (c.posts[1].role = 'head'), 'posts[1].role enum'],
    [
      'a duplicate unit id',
      (c: any) => c.units.push({ id: 't-xishan', kind: 'town', name: '重复镇' }),
      'units[9].id duplicate',
    ],
    [
      'two counties',
      (c: any) => c.units.push({ id: 'c2', kind: 'county', name: '另一县' }),
      'units one_county',
    ],
    [
      'a second city assessment of a town',
      (c: any) => c.assessments.push({ by: 'city', subject: 't-xishan', outcome: 'pass' }),
      'assessments[13] duplicate',
    ],
    [
      'a sampled village of another town',
      (c: any) => (c.assessments[2].sampled = ['v-hongxing']),
      'assessments[2].sampled[0] wrong_kind',
    ],
    [
      'a misspelt field',
      (c: any) => (c.assessments[1].outcom = 'pass'),
      'assessments[1].outcom unknown_field',
    ],
    [
      'a correction before the notice',
      (c: any) => (c.warning_notices[0].corrected_on = '2009-01-01'),
      'warning_notices[0].corrected_on range',
    ],
    ['a year before the policy', (c: any) => (c.fp_year = 2008), 'fp_year not_in_force'],
    ['another policy', (c: any) => (c.policy = 'river-chief-2017'), 'policy policy'],
    [
      'a score that is not a number',
      (c: any) => (c.assessments[4].score = '95'),
      'assessments[4].score number',
    ],
    [
      'caused_by on a county assessment',
      (c: any) => (c.assessments[4].caused_by = ['u-jiaoyu']),
      'assessments[4].caused_by[0] not_allowed',
    ],
    [
      'a governance evaluation of a unit without the duty',
      (c: any) => (c.units[7].governance_duty = false),
      'assessments[11].kind not_allowed',
    ],
    [
      'a city acceptance of no_multi_child_birth for a village',
      (c: any) => (c.acceptances[0].kind = 'no_multi_child_birth'),
      'acceptances[0].unit wrong_kind',
    ],
  ])('names %s', (_name, mutate, expected) => {
    expect(problemsOf(mutate)).toContain(expected);
  });

  it('reports every problem at once, not the first only', () => {
    const found = problemsOf((c) => {
      c.posts[0].unit = 'x1';
      c.links[1].village = 'x2';
      c.decided_on = 'yesterday';
    });
    expect(found).toEqual(
      expect.arrayContaining([
        'posts[0].unit unknown_ref',
        'links[1].village unknown_ref',
        'decided_on date',
      ]),
    );
  });

  it('writes messages that name the field and the value', () => {
    const c = example();
    c.posts[3].unit = 't9';
    const out = engine.evaluate(c);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problems[0]).toMatchObject({ path: 'posts[3].unit', zh: '没有单位“t9”', en: 'no unit "t9"' });
  });

  it('rejects interpretation overrides it does not know', () => {
    const out = engine.evaluate(example(), { I2: 'nope' });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.problems.map((p) => p.path)).toEqual(['--set I2']);
  });
});
