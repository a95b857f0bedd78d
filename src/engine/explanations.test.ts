// Every explanation the engine writes reads as Chinese an office would sign: full-width
// punctuation (no ASCII mark between Chinese characters, no 「」), the clause quoted in “” with its
// own quotation marks nested as ‘’, amounts written as 1,500.00元, and whole sentences (no
// sentence that is only a name, as in "…利岭社区。高坪镇。依据…"). It reads the worked example
// and every case of the policy tests.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ZerenResult } from '../domain/result.ts';
import { asciiPunctuationInChinese } from '../domain/zh-punct.ts';
import { loadEngine, POLICIES_DIR } from '../policy/load.ts';
import { readPackCases } from '../policy/pack-cases.ts';

const engine = loadEngine('county-fp-2009');
const example = parse(
  readFileSync(new URL('../../examples/qingshui-2009.yaml', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const cases = [
  { name: 'examples/qingshui-2009.yaml', case: example },
  ...readPackCases(join(POLICIES_DIR, 'county-fp-2009', 'tests'))
    .filter((pc) => !pc.problems)
    .map((pc) => ({ name: `${pc.file}: ${pc.name}`, case: pc.case })),
];

function results(c: Record<string, unknown>): ZerenResult {
  const out = engine.evaluate(c);
  if (!out.ok) throw new Error(out.problems.map((p) => `${p.path}: ${p.en}`).join('\n'));
  return out.value;
}

/** The names a case gives its units and people. */
function namesOf(c: Record<string, unknown>): string[] {
  const list = (k: string) => (Array.isArray(c[k]) ? (c[k] as { name?: unknown }[]) : []);
  return [...list('units'), ...list('people')].map((x) => String(x.name ?? '')).filter((n) => n !== '');
}

/** An explanation without the clause it quotes (the quote is the policy's own sentences). */
const facts = (e: string) => e.replace(/[一二三四五六七八九十（）0-9]+：“[\s\S]*$/, '');

describe('explanations in Chinese', () => {
  it('covers the example and at least twenty policy cases with explanations', () => {
    expect(cases.filter((c) => results(c.case).consequences.length > 0).length).toBeGreaterThan(20);
  });

  for (const { name, case: c } of cases)
    it(name, () => {
      const r = results(c);
      const all = [...r.consequences, ...r.withheld].map((x) => x.explanation);
      const names = namesOf(c);
      for (const e of all) {
        expect(asciiPunctuationInChinese(e), e).toEqual([]);
        // The clause is quoted in “”, and the quote closes the explanation.
        expect(e, e).toMatch(/[一二三四五六七八九十][一二三四五六七八九十（）0-9]*：“[^“”]+”$/);
        // Amounts are figures with thousands separators and two decimals.
        for (const m of facts(e).match(/(?:罚款|奖励)[0-9][0-9,.]*元/g) ?? [])
          expect(m, e).toMatch(/^(?:罚款|奖励)\d{1,3}(,\d{3})*\.\d{2}元$/);
        // No sentence is only a name.
        for (const s of facts(e).split('。')) expect(names, `${s} in ${e}`).not.toContain(s.trim());
      }
    });

  it('turns the quotation marks of the quoted clause into ‘’', () => {
    const r = results(example);
    const quoted = r.consequences.find((x) => x.clause === '1')!;
    expect(quoted.explanation).toContain('‘一票否决’');
  });
});
