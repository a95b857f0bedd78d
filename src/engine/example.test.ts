// The worked example of ../shared/examples: qingshui-2009.yaml must give exactly the consequences
// and withheld entries of qingshui-2009.expected.json, compared as sets of (subject, type, amount,
// clause), and every consequence must explain itself.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { consequenceKey } from '../domain/result.ts';
import { loadEngine } from '../policy/load.ts';
import { quotable } from './consequence.ts';

const fixture = (f: string) => readFileSync(new URL(`../../examples/${f}`, import.meta.url), 'utf8');
const input = parse(fixture('qingshui-2009.yaml'));
const expected = JSON.parse(fixture('qingshui-2009.expected.json'));
const engine = loadEngine();

describe('qingshui-2009 worked example', () => {
  const out = engine.evaluate(input);
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  const r = out.value;

  it('gives exactly the expected consequences', () => {
    expect(r.consequences.map(consequenceKey).sort()).toEqual(
      expected.consequences.map(consequenceKey).sort(),
    );
  });

  it('withholds exactly the expected entries, with the reason', () => {
    const key = (w: { reason: string }) => `${consequenceKey(w as never)}|${w.reason}`;
    expect(r.withheld.map(key).sort()).toEqual(expected.withheld.map(key).sort());
  });

  it('matches the expected document field by field, but for explanations and provenance', () => {
    const strip = (c: object) => {
      const { explanation, rule, depends_on, ...rest } = c as Record<string, unknown>;
      return rest;
    };
    expect(r.interpretations).toEqual(expected.interpretations);
    expect(r.consequences.map(strip)).toEqual(
      expect.arrayContaining(
        expected.consequences.map((c: Record<string, unknown>) => expect.objectContaining(c)),
      ),
    );
    expect([r.format, r.policy, r.fp_year]).toEqual([expected.format, expected.policy, expected.fp_year]);
  });

  it('explains every consequence: the facts, the subject and the clause quoted', () => {
    const wu = r.consequences.find((c) => c.subject.id === 'p-wu' && c.type === 'fine')!;
    expect(wu.explanation).toContain('市年度考核评定西山镇为“提醒注意”');
    expect(wu.explanation).toContain('吴书记任西山镇党委书记（2008-01-01起）');
    expect(wu.explanation).toContain('依据四（二）2');
    expect(wu.explanation).toContain('罚款1,500.00元');
    expect(wu.explanation).toContain(quotable(engine.pack.clauses.get('4.2.2')!.text));
    expect(wu.rule).toBe('city-reminder-town');
    expect(wu.depends_on).toEqual(['I1', 'I6', 'I9', 'I12']);
    const chu = r.consequences.find((c) => c.subject.id === 'p-chu' && c.type === 'fine')!;
    expect(chu.explanation).toContain('褚干部驻（挂钩联系）上岭村');
  });

  it('marks the consequences 4.3.2.2 imposes through 4.3.1.3, and not the admonishment talk', () => {
    const xu = r.consequences.filter((c) => c.subject.id === 'p-xu' && c.clause === '4.3.2.2');
    expect(xu.map((c) => [c.type, c.applies]).sort()).toEqual([
      ['admonishment_talk', undefined],
      ['award_veto', '4.3.1.3'],
      ['fine', '4.3.1.3'],
    ]);
  });

  it('keeps the larger amount for a secretary who is also stationed (I9)', () => {
    const zhang = r.consequences.filter((c) => c.subject.id === 'p-zhang' && c.clause === '3.1.1');
    expect(zhang.map((c) => c.amount_yuan)).toEqual([2000]);
  });
});
