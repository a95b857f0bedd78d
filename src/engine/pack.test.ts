// A pack is checked whole when it loads: a rule that cites no clause or a clause that does not
// exist, an unknown word, parameter or reading, or a consequence-bearing clause with no rule, and
// the pack does not load, with every problem named by its path.

import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../domain/problems.ts';
import { POLICIES_DIR, readPackSource } from '../policy/load.ts';
import { clauseLabel, parseClauseText } from './clauses.ts';
import { createEngine } from './engine.ts';
import type { PackSource } from './pack.ts';

const source = () => structuredClone(readPackSource(`${POLICIES_DIR}/county-fp-2009`));
type Rules = { rules: Record<string, any>[]; withhold: Record<string, any> };

function loadProblems(mutate: (s: PackSource & { rules: Rules }) => void): string[] {
  const s = source() as PackSource & { rules: Rules };
  mutate(s);
  try {
    createEngine(s);
    return [];
  } catch (e) {
    if (!(e instanceof InvalidInput)) throw e;
    return e.problems.map((p) => `${p.path} ${p.code}`);
  }
}

const ruleIndex = (s: { rules: Rules }, id: string) => s.rules.rules.findIndex((r) => r.id === id);

describe('policy pack loading', () => {
  it('loads county-fp-2009 with every consequence-bearing clause implemented', () => {
    const e = createEngine(source());
    expect(e.pack.consequenceClauses).toHaveLength(32);
    for (const cl of e.pack.consequenceClauses) expect(e.rules.rules.some((r) => r.clause === cl)).toBe(true);
    expect(Object.keys(e.defaults)).toEqual([
      'I1',
      'I2',
      'I3',
      'I4',
      'I5',
      'I6',
      'I7',
      'I8',
      'I9',
      'I10',
      'I11',
      'I12',
      'I13',
    ]);
  });

  it('fails when a rule cites no clause', () => {
    expect(loadProblems((s) => delete s.rules.rules[0]!.cites)).toContain(
      'rules.yaml.rules[0].cites required',
    );
  });

  it('fails when a rule cites a clause that does not exist', () => {
    expect(loadProblems((s) => (s.rules.rules[2]!.cites = '3.1.9'))).toContain(
      'rules.yaml.rules[2].cites unknown_clause',
    );
  });

  it('reads the clause that founds the warning notice, and refuses one that does not exist or an unknown workflow', () => {
    const e = createEngine(source());
    expect(e.pack.workflowClauses).toEqual({ warning_notice: '4.3.2.1' });
    const manifest = (s: PackSource) => s.manifest as Record<string, any>;
    expect(loadProblems((s) => (manifest(s).workflow_clauses = { warning_notice: '9.9' }))).toEqual([
      'pack.yaml.workflow_clauses.warning_notice unknown_clause',
    ]);
    expect(loadProblems((s) => (manifest(s).workflow_clauses.roster = '2.4'))).toEqual([
      'pack.yaml.workflow_clauses.roster unknown_field',
    ]);
    const none = source();
    delete (none.manifest as Record<string, any>).workflow_clauses;
    expect(createEngine(none).pack.workflowClauses).toEqual({});
  });

  it('fails when a consequence-bearing clause has no rule', () => {
    const found = loadProblems((s) => {
      s.rules.rules = s.rules.rules.filter((r) => r.cites !== '3.1.5');
    });
    expect(found).toContain('rules.yaml.rules uncovered_clause');
  });

  it('fails on an unknown parameter, group, consequence or reading', () => {
    const i = ruleIndex(source() as never, 'reward-city-advanced-town');
    const found = loadProblems((s) => {
      const r = s.rules.rules[i]!;
      r.then[0].give[0] = { reward: 'no_such_amount' };
      r.then[1].to = 'town_friends';
      r.then[1].give = ['pat_on_the_back'];
      s.rules.rules[0]!.when = { interpretation: { I3: 'sometimes' } };
    });
    expect(found).toEqual(
      expect.arrayContaining([
        `rules.yaml.rules[${i}].then[0].give[0].reward unknown_parameter`,
        `rules.yaml.rules[${i}].then[1].to unknown_group`,
        `rules.yaml.rules[${i}].then[1].give[0] unknown_consequence`,
        'rules.yaml.rules[0].when.interpretation.I3 enum',
      ]),
    );
  });

  it('fails when a consequence goes to a group that cannot receive it', () => {
    const i = ruleIndex(source() as never, 'reward-city-advanced-town');
    const found = loadProblems((s) => s.rules.rules[i]!.then[1].give.push('plaque'));
    expect(found).toContain(`rules.yaml.rules[${i}].then[1].give[1] wrong_subject`);
  });

  it('fails when a rule applies a rule that does not exist', () => {
    const i = ruleIndex(source() as never, 'notices-in-a-row-town');
    expect(loadProblems((s) => (s.rules.rules[i]!.apply = 'no-such-rule'))).toContain(
      `rules.yaml.rules[${i}].apply unknown_rule`,
    );
  });

  it('fails when a parameter cites a clause that does not exist or has no value', () => {
    const found = loadProblems((s) => {
      const p = (s.parameters as any).parameters;
      p.reward_3_1_1_town.clause = '3.9';
      p.reward_3_1_2_town.values = [];
    });
    expect(found).toEqual(
      expect.arrayContaining([
        'parameters.yaml.reward_3_1_1_town.clause unknown_clause',
        'parameters.yaml.reward_3_1_2_town.values required',
      ]),
    );
  });

  it('uses the value in force for the FP year: a later revision is a new dated value', () => {
    const s = source();
    (s.parameters as any).parameters.reward_3_1_5_town.values.push({
      valid_from: '2010-10-01',
      value: 60000,
    });
    const e = createEngine(s);
    const c = (year: number) => ({
      format: 'zeren-case/1',
      policy: 'county-fp-2009',
      fp_year: year,
      units: [
        { id: 'c', kind: 'county', name: '县' },
        { id: 't', kind: 'town', name: '镇' },
      ],
      acceptances: [{ unit: 't', kind: 'no_multi_child_birth', by: 'city', passed: true }],
    });
    const amount = (year: number) => {
      const out = e.evaluate(c(year));
      if (!out.ok) throw new Error(JSON.stringify(out.problems));
      return out.value.consequences[0]!.amount_yuan;
    };
    expect([amount(2010), amount(2011)]).toEqual([50000, 60000]);
  });

  it('refuses a score outside the range the pack declares for its assessor, and reads the range from the pack', () => {
    const c = (score: number) => ({
      format: 'zeren-case/1',
      policy: 'county-fp-2009',
      fp_year: 2009,
      units: [
        { id: 'c', kind: 'county', name: '县' },
        { id: 't', kind: 'town', name: '镇' },
        { id: 'v', kind: 'village', name: '村', town: 't' },
      ],
      assessments: [
        { by: 'province', subject: 'c', outcome: 'pass', score: 250 },
        { by: 'county', subject: 'v', outcome: 'pass', score },
      ],
    });
    const paths = (e: ReturnType<typeof createEngine>, score: number) => {
      const v = e.validate(c(score));
      return v.ok ? [] : v.problems.map((p) => `${p.path} ${p.code}`);
    };
    const standard = createEngine(source());
    expect([0, 100, 96.5].flatMap((n) => paths(standard, n))).toEqual([]);
    expect(paths(standard, 105)).toEqual(['assessments[1].score range']);
    expect(paths(standard, -5)).toEqual(['assessments[1].score range']);
    const v = standard.validate(c(105));
    expect(v.ok ? '' : v.problems[0]!.zh).toBe('县考核的分数应在 0 至 100 分之间（二（三）），不是 105');
    const s = source();
    (s.parameters as any).parameters.score_max_county.values.push({ valid_from: '2008-10-01', value: 150 });
    expect(paths(createEngine(s), 105)).toEqual([]);
  });
});

describe('clause text', () => {
  it('labels clause ids as a reader writes them', () => {
    expect(['1', '1.1', '2.4', '3.1.2', '4.3.1.6', '4.3.2.2'].map(clauseLabel)).toEqual([
      '一',
      '一（一）',
      '二（四）',
      '三（一）2',
      '四（三）1（6）',
      '四（三）2（2）',
    ]);
  });

  it('reads one clause per anchored heading, up to the next heading', () => {
    const t = parseClauseText(
      '# T\n\n## 一 <a id="1"></a>\nfirst\n\n### 一(一) <a id="1.1"></a>\nsecond\nmore\n## note\nignored',
    );
    expect([...t.clauses.values()].map((c) => [c.id, c.text])).toEqual([
      ['1', 'first'],
      ['1.1', 'second\nmore'],
    ]);
    expect(parseClauseText('## x <a id="1"></a>\na\n## y <a id="1"></a>\nb').problems).toHaveLength(1);
  });
});
