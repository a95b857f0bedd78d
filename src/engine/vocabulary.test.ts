// The pack declares its vocabulary (vocabulary.yaml): a pack whose rules, parameters, duties or
// vocabulary name a word it does not declare does not load, nor one missing a word the engine's
// code gives meaning to; the case validator speaks the pack's words; a town pack adds its own
// words and cannot redefine the county's.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { InvalidInput } from '../domain/problems.ts';
import { allowedOutcomes, passingOutcomes, roleZh, unitKindZh, wordZh } from '../domain/vocabulary.ts';
import { asciiPunctuationInChinese } from '../domain/zh-punct.ts';
import { loadEngine, POLICIES_DIR, packIds, packsOf, readPackSource } from '../policy/load.ts';
import { createEngine, type Engine } from './engine.ts';
import type { PackSource } from './pack.ts';

type Any = Record<string, any>;
type Source = PackSource & {
  rules: { rules: Any[]; withhold: Any };
  vocabulary: Any;
  duties: Any;
  parameters: Any;
};
const source = () => structuredClone(readPackSource(`${POLICIES_DIR}/county-fp-2009`)) as Source;
const townSource = () => structuredClone(readPackSource(`${POLICIES_DIR}/example-town-dongfeng`)) as Source;
const county = createEngine(source());

function problems(load: () => Engine): string[] {
  try {
    load();
    return [];
  } catch (e) {
    if (!(e instanceof InvalidInput)) throw e;
    return e.problems.map((p) => `${p.path} ${p.code}`);
  }
}
const loadProblems = (mutate: (s: Source) => void) =>
  problems(() => {
    const s = source();
    mutate(s);
    return createEngine(s);
  });
const townProblems = (mutate: (s: Source) => void) =>
  problems(() => {
    const s = townSource();
    mutate(s);
    return createEngine(s, county);
  });
const rule = (s: Source, id: string) => s.rules.rules.find((r) => r.id === id)!;

const example = () =>
  parse(readFileSync(new URL('../../examples/qingshui-2009.yaml', import.meta.url), 'utf8')) as Any;

describe('the vocabulary of county-fp-2009', () => {
  it('holds the words with their Chinese labels', () => {
    const v = county.vocabulary;
    expect(unitKindZh(v, 'town')).toBe('镇（场）');
    expect(roleZh(v, 'town', 'fp_office_head')).toBe('计生办主任');
    expect(wordZh(v, 'link_kinds', 'stationed')).toBe('驻村（挂钩联系村）');
    expect(wordZh(v, 'consequence_types', 'three_stops')).toBe('三停（停职、停薪、停工作）');
    expect(wordZh(v, 'acceptance_kinds', 'no_out_of_policy_birth')).toBe('无政策外生育');
    expect([...passingOutcomes(v)]).toEqual(['first_class', 'advanced', 'pass']);
    expect(allowedOutcomes(v, 'city', 'county_unit', 'annual')).toEqual([
      'pass',
      'fail',
      'reminder',
      'yellow_card',
    ]);
    expect(allowedOutcomes(v, 'province', 'town', 'annual')).toEqual([]);
  });
});

describe('the labels of every shipped pack', () => {
  const HAN = /\p{Script=Han}/u;
  it.each([...packIds(), ...packsOf('town')])(
    '%s: every word has a Chinese label in full-width punctuation',
    (id) => {
      const v = loadEngine(id).vocabulary;
      const labels: [string, string][] = [];
      for (const [k, u] of Object.entries(v.unit_kinds)) {
        labels.push([`unit_kinds.${k}`, u.zh]);
        for (const [r, zh] of Object.entries(u.roles)) labels.push([`unit_kinds.${k}.roles.${r}`, zh]);
      }
      for (const part of ['link_kinds', 'assessors', 'incident_kinds', 'consequence_types'] as const)
        for (const [k, zh] of Object.entries(v[part])) labels.push([`${part}.${k}`, zh]);
      for (const part of ['staff_types', 'outcomes', 'assessment_kinds', 'acceptance_kinds'] as const)
        for (const [k, w] of Object.entries(v[part])) labels.push([`${part}.${k}`, w.zh]);
      for (const [k, w] of Object.entries(v.staff_types))
        labels.push([`staff_types.${k}.max_grade`, w.max_grade]);
      expect(labels.length).toBeGreaterThan(40);
      const bad = labels.filter(
        ([, zh]) => !HAN.test(zh) || asciiPunctuationInChinese(zh).length > 0 || /[()]/.test(zh),
      );
      expect(bad).toEqual([]);
    },
  );
});

describe('a pack naming a word it does not declare does not load', () => {
  it.each([
    [
      'a unit kind',
      (s: Source) => {
        rule(s, 'county-reminder-county-unit').for.assessment.of = ['district'];
      },
      /^rules\.yaml\.rules\[\d+\]\.for\.assessment\.of\[0\] enum$/,
    ],
    [
      'an outcome in a generator',
      (s: Source) => {
        rule(s, 'county-reminder-county-unit').for.assessment.outcome = ['excellent'];
      },
      /\.for\.assessment\.outcome\[0\] enum$/,
    ],
    [
      'a consequence type',
      (s: Source) => {
        rule(s, 'county-reminder-county-unit').then[0].give = ['public_apology'];
      },
      /\.then\[0\]\.give\[0\] unknown_consequence$/,
    ],
    [
      'an acceptance kind',
      (s: Source) => {
        rule(s, 'reward-town-no-multi-child-birth').for.acceptance.kind = 'no_births_at_all';
      },
      /\.for\.acceptance\.kind enum$/,
    ],
    [
      'an incident kind',
      (s: Source) => {
        rule(s, 'shielded-out-of-policy-birth').for.incident.kind = 'something_else';
      },
      /\.for\.incident\.kind enum$/,
    ],
    [
      'a post in a town group',
      (s: Source) => {
        rule(s, 'reward-province-pass-sampled-town').then[0].to = { town_posts: ['deputy_mayor'] };
      },
      /\.town_posts\[0\] enum$/,
    ],
    [
      'a post in duties.yaml',
      (s: Source) => {
        s.duties.duties[0].holder.roles = ['chief'];
      },
      /^duties\.yaml\.duties\[0\]\.holder\.roles\[0\] unknown_word$/,
    ],
    [
      'a link kind in duties.yaml',
      (s: Source) => {
        s.duties.duties.find((d: Any) => d.holder.link).holder.link = 'twinned';
      },
      /^duties\.yaml\.duties\[\d+\]\.holder\.link unknown_word$/,
    ],
    [
      'an assessor in a score parameter',
      (s: Source) => {
        s.parameters.parameters.score_max_nation = s.parameters.parameters.score_max_county;
      },
      /^parameters\.yaml\.score_max_nation unknown_word$/,
    ],
    [
      'a reading value in a rule',
      (s: Source) => {
        s.rules.withhold.interpretation = { I4: 'sometimes' };
      },
      /^rules\.yaml\.withhold/,
    ],
    [
      'an outcome in who assesses whom',
      (s: Source) => {
        s.vocabulary.assessment_kinds.annual.assessed[0].outcomes.push('excellent');
      },
      /^vocabulary\.yaml\.assessment_kinds\.annual\.assessed\[0\]\.outcomes\[6\] unknown_word$/,
    ],
  ])('%s', (_what, mutate, expected) => {
    const found = loadProblems(mutate);
    expect(
      found.some((p) => expected.test(p)),
      found.join('\n'),
    ).toBe(true);
  });

  it('nor one whose vocabulary lacks a word the engine gives meaning to', () => {
    expect(
      loadProblems((s) => {
        delete s.vocabulary.unit_kinds.village;
        delete s.vocabulary.unit_kinds.town.roles.fp_office_head;
        delete s.vocabulary.consequence_types.fine;
      }),
    ).toEqual(
      expect.arrayContaining([
        'vocabulary.yaml.unit_kinds missing_word',
        'vocabulary.yaml.unit_kinds.town.roles missing_word',
        'vocabulary.yaml.consequence_types missing_word',
      ]),
    );
  });

  it('nor one declaring a word of a closed list the engine cannot act on, or no vocabulary at all', () => {
    expect(
      loadProblems((s) => {
        s.vocabulary.unit_kinds.district = { zh: '区', roles: {} };
        s.vocabulary.link_kinds.twinned = '结对';
      }),
    ).toEqual([
      'vocabulary.yaml.unit_kinds.district unknown_word',
      'vocabulary.yaml.link_kinds.twinned unknown_word',
    ]);
    expect(
      loadProblems((s) => {
        delete (s as Partial<Source>).vocabulary;
      }),
    ).toContain('vocabulary.yaml missing_file');
  });
});

describe('the case validator speaks the pack', () => {
  it('names the field of a post a unit of its kind does not have, in the pack words', () => {
    const s = source();
    s.vocabulary.unit_kinds.town.zh = '乡镇';
    s.vocabulary.unit_kinds.town.roles.mayor = '乡镇长';
    const e = createEngine(s);
    const c = example();
    const i = c.posts.findIndex((p: Any) => p.role === 'mayor');
    c.posts[i].role = 'deputy_mayor';
    const out = e.validate(c);
    expect(out.ok).toBe(false);
    const p = !out.ok ? out.problems.find((x) => x.path === `posts[${i}].role`) : undefined;
    expect(p?.zh).toMatch(/^乡镇没有职务“deputy_mayor”，应为：.*乡镇长（mayor）/);
    // …and the county's own words as shipped, where the pack says nothing else.
    const shipped = county.validate(c);
    expect(!shipped.ok && shipped.problems.find((x) => x.path === `posts[${i}].role`)?.zh).toMatch(
      /^镇（场）没有职务.*镇长（mayor）/,
    );
  });

  it('accepts a post the pack adds to a kind of unit', () => {
    const s = source();
    s.vocabulary.unit_kinds.town.roles.deputy_mayor = '副镇长';
    const c = example();
    c.posts.find((p: Any) => p.role === 'mayor').role = 'deputy_mayor';
    expect(county.validate(c).ok).toBe(false);
    expect(createEngine(s).validate(c).ok).toBe(true);
  });

  it('gives outcomes in the words of the pack', () => {
    const s = source();
    s.vocabulary.outcomes.first_class = { zh: '一类', passing: true };
    const c = example();
    const i = c.assessments.findIndex((a: Any) => a.by === 'county');
    c.assessments[i].outcome = 'first_class';
    const out = createEngine(s).validate(c);
    expect(!out.ok && out.problems.find((x) => x.path === `assessments[${i}].outcome`)?.zh).toMatch(
      /^县对.*不能作出“一类”（first_class），可为：“达标”（pass）/,
    );
  });
});

describe("a town pack's words", () => {
  // The example town pack's own words (its vocabulary.yaml): the town as an assessor and its
  // monthly checks; a test adds a post of a village beside them.
  const withPost = (s: Source) => {
    s.vocabulary = {
      ...(s.vocabulary as object),
      unit_kinds: { village: { roles: { grid_worker: '网格员' } } },
    };
  };

  /** The pack without its own words: no vocabulary.yaml, nor its rule (五) that reads them. */
  const withoutOwnWords = (s: Source) => {
    delete (s as Partial<Source>).vocabulary;
    s.rules.rules = s.rules.rules.filter((r) => r.cites !== '5');
    (s.manifest as Any).consequence_clauses.pop();
  };

  it("are the county's, and its own beside them", () => {
    const s = townSource();
    withPost(s);
    const town = createEngine(s, county);
    expect(wordZh(town.vocabulary, 'assessment_kinds', 'monthly_check')).toBe('月度检查');
    expect(wordZh(town.vocabulary, 'assessors', 'town')).toBe('镇（场）');
    expect(wordZh(town.vocabulary, 'outcomes', 'monthly_unqualified')).toBe('不合格');
    expect(roleZh(town.vocabulary, 'village', 'grid_worker')).toBe('网格员');
    expect(unitKindZh(town.vocabulary, 'town')).toBe('镇（场）');
    expect(county.vocabulary.assessment_kinds.monthly_check).toBeUndefined();
    expect(county.vocabulary.assessors.town).toBeUndefined();
    expect(county.vocabulary.unit_kinds.village?.roles.grid_worker).toBeUndefined();
    const plain = townSource();
    withoutOwnWords(plain);
    expect(createEngine(plain, county).vocabulary).toEqual(county.vocabulary);
  });

  it('may add an assessor (a closed list for a county pack), read by its own rules only', () => {
    expect(
      loadProblems((s) => {
        s.vocabulary.assessors.town = '镇（场）';
      }),
    ).toEqual(['vocabulary.yaml.assessors.town unknown_word']);
    expect(townProblems(() => {})).toEqual([]);
  });

  it("may not redefine the county's", () => {
    expect(
      townProblems((s) => {
        withoutOwnWords(s);
        s.vocabulary = {
          unit_kinds: { town: { zh: '乡', roles: { mayor: '乡长' } } },
          assessment_kinds: { annual: { zh: '年考', assessed: [] } },
          consequence_types: { fine: '罚金' },
        };
      }),
    ).toEqual([
      'vocabulary.yaml.unit_kinds.town.zh redefined_word',
      'vocabulary.yaml.unit_kinds.town.roles.mayor redefined_word',
      'vocabulary.yaml.consequence_types.fine redefined_word',
      'vocabulary.yaml.assessment_kinds.annual redefined_word',
    ]);
  });

  it('may use its own words in its rules, and no word it does not have', () => {
    const use = (kind: string) => (s: Source) => {
      s.rules.rules[1]!.for.assessment = {
        by: 'town',
        kind,
        of: ['village'],
        outcome: ['monthly_unqualified'],
      };
    };
    expect(townProblems(use('monthly_check'))).toEqual([]);
    expect(townProblems(use('weekly_check'))).toEqual(['rules.yaml.rules[1].for.assessment.kind enum']);
  });
});
