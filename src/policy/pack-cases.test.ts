// Runs every policy test case (policies/<pack>/tests/*.yaml) and checks that the tests cover the
// pack: every consequence-bearing clause is expected somewhere, every interpretation value other
// than the default is set by a case whose result it changes.

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEngine, POLICIES_DIR } from './load.ts';
import { line, normalise, readPackCases } from './pack-cases.ts';

const packs = readdirSync(POLICIES_DIR).filter((p) => existsSync(join(POLICIES_DIR, p, 'tests')));

for (const pack of packs) {
  const engine = loadEngine(pack);
  const cases = readPackCases(join(POLICIES_DIR, pack, 'tests'));

  describe(`policy ${pack}`, () => {
    for (const pc of cases) {
      it(`${pc.file}: ${pc.name}`, () => {
        const out = engine.evaluate(pc.case);
        if (pc.problems) {
          expect(out.ok, 'the case should not validate').toBe(false);
          if (out.ok) return;
          const got = out.problems.map((p) => `${p.path} ${p.code}`).sort();
          expect(got).toEqual(pc.problems.map(normalise).sort());
          return;
        }
        if (!out.ok) throw new Error(out.problems.map((p) => `${p.path}: ${p.en}`).join('\n'));
        const got = out.value.consequences.map(line).sort();
        const held = out.value.withheld.map(line).sort();
        const want = (pc.expect ?? []).map(normalise).sort();
        const wantHeld = (pc.withheld ?? []).map(normalise).sort();
        if (pc.partial) {
          for (const w of want) expect(got, `expected ${w}`).toContain(w);
          for (const w of wantHeld) expect(held, `expected withheld ${w}`).toContain(w);
          for (const a of (pc.absent ?? []).map(normalise)) {
            expect(got, `unexpected ${a}`).not.toContain(a);
            expect(held, `unexpected withheld ${a}`).not.toContain(a);
          }
        } else {
          expect(got).toEqual(want);
          expect(held).toEqual(wantHeld);
        }
        // A case that sets an interpretation must be one where the reading matters.
        if (pc.interpretations && Object.keys(pc.interpretations).length > 0) {
          const plain = { ...pc.case, interpretations: {} };
          const byDefault = engine.evaluate(plain);
          if (!byDefault.ok) throw new Error('the case should validate under the default readings');
          const before = [
            ...byDefault.value.consequences.map(line),
            '|',
            ...byDefault.value.withheld.map(line),
          ];
          expect([...got, '|', ...held], 'the interpretation should change the result').not.toEqual(before);
        }
      });
    }

    it('covers every consequence-bearing clause with an expected consequence', () => {
      const expected = new Set<string>();
      for (const pc of cases)
        for (const l of [...(pc.expect ?? []), ...(pc.withheld ?? [])]) {
          const [clause] = normalise(l).split(' ');
          for (const cl of clause!.split('>')) expected.add(cl);
        }
      const missing = engine.pack.consequenceClauses.filter((c) => !expected.has(c));
      expect(missing).toEqual([]);
    });

    it('sets every non-default interpretation value in some case, and covers every interpretation', () => {
      const set = new Set<string>();
      const covered = new Set<string>();
      for (const pc of cases) {
        for (const [id, v] of Object.entries(pc.interpretations ?? {})) set.add(`${id}=${v}`);
        for (const c of pc.covers) covered.add(c);
      }
      const missing: string[] = [];
      for (const it of engine.pack.interpretations.values()) {
        if (!covered.has(it.id)) missing.push(it.id);
        for (const v of Object.keys(it.values))
          if (v !== it.default && !set.has(`${it.id}=${v}`)) missing.push(`${it.id}=${v}`);
      }
      expect(missing).toEqual([]);
    });
  });
}
