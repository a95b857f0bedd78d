// One source for the policy: no clause id, parameter name or reading value of a shipped pack is
// written in the office's code (src/workflows, src/store, src/server); what depends on the policy
// is asked of the engine, which reads it from the pack. Comments may cite clauses; code may not.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../root.ts';
import { loadEngine, packIds } from './load.ts';

const FOLDERS = ['src/workflows', 'src/store', 'src/server'];
/** Lines that use a word a reading value also is, for something else, and why. */
const ELSEWHERE: { file: string; line: string; why: string }[] = [
  { file: 'src/server/auth.ts', line: "sameSite: 'strict'", why: 'the cookie attribute' },
  {
    file: 'src/workflows/documents/layout.ts',
    line: 'size * 10 * 1.3',
    why: 'the 版头 line height, 1.3 times the type',
  },
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** The code of a TypeScript file with its comments blanked (line numbers kept). */
function code(text: string): string[] {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .split('\n')
    .map((l) => (l.trimStart().startsWith('//') ? '' : l.replace(/(^|[\s;,{}()])\/\/\s.*$/, '$1')));
}

/** What a pack's policy names: its clause ids, parameter names and reading values. */
function words(policy: string) {
  const pack = loadEngine(policy).pack;
  return {
    clauses: new Set(pack.clauses.keys()),
    parameters: [...pack.parameters.keys()],
    readings: [...new Set([...pack.interpretations.values()].flatMap((i) => Object.keys(i.values)))],
  };
}

/** Every place a line of code names the policy: a clause id, a parameter or a quoted reading value. */
function policyIn(lines: readonly string[], w: ReturnType<typeof words>): string[] {
  const found: string[] = [];
  const params = new RegExp(`\\b(${w.parameters.join('|')})\\b`);
  const readings = new RegExp(`(['"\`])(${w.readings.join('|')})\\1`);
  lines.forEach((l, i) => {
    for (const m of l.matchAll(/(?<![\w.])\d+(?:\.\d+)+(?![\w.])/g))
      if (w.clauses.has(m[0])) found.push(`${i + 1}: clause ${m[0]}`);
    const p = params.exec(l);
    if (p) found.push(`${i + 1}: parameter ${p[1]}`);
    const r = readings.exec(l);
    if (r) found.push(`${i + 1}: reading value ${r[2]}`);
  });
  return found;
}

describe('the policy is in the pack, not in the office code', () => {
  const all = packIds().map(words);
  const w = {
    clauses: new Set(all.flatMap((x) => [...x.clauses].filter((c) => c.includes('.')))),
    parameters: [...new Set(all.flatMap((x) => x.parameters))],
    readings: [...new Set(all.flatMap((x) => x.readings))],
  };

  it('finds what it looks for (so that it can fail)', () => {
    const lines = code(
      [
        "const a = '4.3.1.1'; // 4.3.1.5 in a comment is fine",
        '/* 3.2.2 */ const b = `按4.3.2.2处理`;',
        "if (x === 'rank_3_2_2' || i13 === 'any-two') {}",
        "const n = '1.0.0'; const v = 'strict mode'; const u = v1.2.3 + x.y;",
      ].join('\n'),
    );
    expect(policyIn(lines, w)).toEqual([
      '1: clause 4.3.1.1',
      '2: clause 4.3.2.2',
      '3: parameter rank_3_2_2',
      '3: reading value any-two',
    ]);
  });

  for (const folder of FOLDERS)
    it(`names none of it in ${folder}`, () => {
      const found = sources(join(ROOT, folder)).flatMap((f) => {
        const file = relative(ROOT, f);
        const lines = code(readFileSync(f, 'utf8')).map((l) =>
          ELSEWHERE.some((e) => e.file === file && l.includes(e.line)) ? '' : l,
        );
        return policyIn(lines, w).map((x) => `${file}:${x}`);
      });
      expect(found).toEqual([]);
    });
});
