// A town's own pack (七), through the example shipped in policies/example-town-dongfeng: it loads
// beside the county pack it extends, reads the county's cases and readings, decides for its own
// town only, cites its own clauses under its own name, and cannot change the county's
// consequences. Its own YAML tests run with the county's in pack-cases.test.ts.

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createEngine } from '../engine/engine.ts';
import { loadEngine, packDir, packIds, packsOf, readPackSource } from './load.ts';
import { checkPack } from './pack-check.ts';

const TOWN = 'example-town-dongfeng';
const example = () =>
  parse(readFileSync(new URL('../../examples/qingshui-2009.yaml', import.meta.url), 'utf8'));

/** A copy of the example town pack, changed by `edit(dir)`. */
function townCopy(edit: (dir: string) => void): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'zeren-town-')), 'pack');
  cpSync(packDir(TOWN), dir, { recursive: true });
  edit(dir);
  return dir;
}
const append = (dir: string, file: string, text: string) =>
  writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8') + text);

describe("a town's own pack (七)", () => {
  it('is a town pack, marked as an example, listed apart from the county packs a county may choose', () => {
    const e = loadEngine(TOWN);
    expect(e.pack.kind).toBe('town');
    expect(e.pack.example).toBe(true);
    expect(e.pack.extends).toBe('county-fp-2009');
    expect(e.pack.appliesTo).toBe('t-dongfeng');
    expect(packsOf('town')).toContain(TOWN);
    expect(packIds()).not.toContain(TOWN);
  });

  it("reads the county's case and gives only to its town, its villages and their people", () => {
    const kase = example();
    const out = loadEngine(TOWN).evaluate(kase);
    if (!out.ok) throw new Error(JSON.stringify(out.problems));
    expect(out.value.policy).toBe(TOWN);
    const ours = new Set(['t-dongfeng', 'v-hongxing', 'v-qiaotou', 'p-zhang', 'p-sun', 'p-zhou']);
    expect(out.value.consequences.length).toBeGreaterThan(0);
    for (const c of out.value.consequences) expect(ours.has(c.subject.id), c.subject.id).toBe(true);
    // Every consequence cites the town's clauses, named as the town's.
    for (const c of out.value.consequences) {
      expect(['2', '3', '4']).toContain(c.clause);
      expect(c.explanation).toContain(
        `依据东风镇办法${c.clause === '2' ? '二' : c.clause === '3' ? '三' : '四'}`,
      );
    }
  });

  it("leaves the county's result as it is", () => {
    const county = loadEngine('county-fp-2009');
    const before = county.evaluate(example());
    loadEngine(TOWN).evaluate(example());
    expect(county.evaluate(example())).toEqual(before);
  });

  it('does not load on its own, without the county pack it extends', () => {
    expect(() => createEngine(readPackSource(packDir(TOWN)))).toThrow(/pack\.yaml\.extends/);
  });

  it('cannot set readings of its own nor withhold what the county gives', () => {
    const own = townCopy((d) => {
      writeFileSync(join(d, 'interpretations.yaml'), 'interpretations: {}\n');
      append(d, 'pack.yaml', '');
      const m = readFileSync(join(d, 'pack.yaml'), 'utf8').replace(
        '  rules: rules.yaml',
        '  rules: rules.yaml\n  interpretations: interpretations.yaml',
      );
      writeFileSync(join(d, 'pack.yaml'), m);
    });
    const a = checkPack(own);
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.problems.map((p) => p.code)).toContain('town_interpretations');

    const withhold = townCopy((d) =>
      append(d, 'rules.yaml', '\nwithhold:\n  interpretation: { I4: withhold }\n  clauses: ["2"]\n'),
    );
    const b = checkPack(withhold);
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.problems.map((p) => p.code)).toContain('town_withhold');
  });

  it("cannot cite the county's clauses: its rules cite its own text", () => {
    const dir = townCopy((d) => {
      const p = join(d, 'rules.yaml');
      writeFileSync(p, readFileSync(p, 'utf8').replace('cites: "3"', 'cites: "4.3.1.1"'));
    });
    const r = checkPack(dir);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.code)).toContain('unknown_clause');
  });
});
