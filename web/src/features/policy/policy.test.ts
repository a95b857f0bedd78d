import { describe, expect, it } from 'vitest';
import type { Clause } from './api.ts';
import { clauseItems, matchesClause, testsByFile } from './clauses.ts';

const clause = (id: string, label: string, text: string, over: Partial<Clause> = {}): Clause => ({
  id,
  label,
  text,
  rules: [],
  parameters: [],
  interpretations: [],
  tests: [],
  ...over,
});
const CLAUSES = [
  clause('3', '三', '奖励'),
  clause('3.1', '三（一）', '对镇（场）的奖励'),
  clause(
    '3.1.1',
    '三（一）1',
    '我县年度人口和计划生育工作目标管理责任制被省评为达标单位的，给予抽中的镇（场）奖励10000元',
    {
      rules: [
        {
          id: 'reward-province-pass-sampled-town',
          cites: '3.1.1',
          applies: null,
          looks_at: '',
          condition: null,
          gives: [],
          parameters: [],
          interpretations: [],
        },
      ],
      interpretations: ['I2', 'I3'],
      tests: [
        { file: 'rewards-towns.yaml', name: 'a', covers: ['3.1.1'] },
        { file: 'interpretations.yaml', name: 'b', covers: ['3.1.1', 'I2'] },
        { file: 'rewards-towns.yaml', name: 'c', covers: ['3.1.1'] },
      ],
    },
  ),
];

describe('policy clause list', () => {
  it('indents by depth, shortens the text and notes rules and tests', () => {
    const items = clauseItems(CLAUSES);
    expect(items.map((i) => i.depth)).toEqual([0, 1, 2]);
    expect(items[2]!.gist).toBe('我县年度人口和计划生育工作目标管理责任制被省评为…');
    expect(items[2]!.note).toBe('1 条规则，3 个测试');
    expect(items[0]!.note).toBe('');
  });

  it('finds clauses by id, label (either parentheses), text, rule or interpretation', () => {
    const ids = (q: string) => clauseItems(CLAUSES, q).map((i) => i.id);
    expect(ids('3.1.1')).toEqual(['3.1.1']);
    expect(ids('三(一)1')).toEqual(['3.1.1']);
    expect(ids('三（一）')).toEqual(['3.1', '3.1.1']);
    expect(ids('抽中')).toEqual(['3.1.1']);
    expect(ids('reward-province')).toEqual(['3.1.1']);
    expect(ids('i3')).toEqual(['3.1.1']);
    expect(ids('')).toHaveLength(3);
    expect(matchesClause(CLAUSES[0]!, '没有这个')).toBe(false);
  });

  it('groups a clause’s tests by file in the order met', () => {
    expect(testsByFile(CLAUSES[2]!.tests).map(([f, t]) => [f, t.length])).toEqual([
      ['rewards-towns.yaml', 2],
      ['interpretations.yaml', 1],
    ]);
  });
});
