// Runs a pack's YAML tests (pack-cases.ts reads them) and measures what they cover: each case
// passes or fails with the lines missing and unexpected; the coverage is of rules and of blocks
// (a block is covered when some case makes it give something), of consequence-bearing clauses
// (expected somewhere) and of interpretation values (every non-default value set by a case whose
// result it changes). `zeren policy test DIR` prints it; the pack's vitest requires it complete.

import type { Engine } from '../engine/engine.ts';
import { blockCanGive, blockId } from '../engine/evaluate.ts';
import { line, normalise, type PackCase } from './pack-cases.ts';

export interface CaseRun {
  file: string;
  name: string;
  ok: boolean;
  /** What went wrong, one line each (both languages). */
  failures: string[];
}

export interface Coverage {
  /** Every block of every rule that can give anything: `<rule>#<block>`. */
  blocks: string[];
  /** Blocks that can never give (village groups under a generator that binds no village). */
  unreachableBlocks: string[];
  /** Blocks no case made give anything. */
  uncoveredBlocks: string[];
  /** Rules none of whose blocks gave anything. */
  uncoveredRules: string[];
  /** Consequence-bearing clauses (pack.yaml) no case expects a consequence of. */
  uncoveredClauses: string[];
  /** Interpretations no case says it covers, and non-default values no case sets (`I4=no-effect`). */
  uncoveredInterpretations: string[];
}

export interface PackTestRun {
  cases: CaseRun[];
  coverage: Coverage;
}

const diff = (got: string[], want: string[]) => ({
  missing: want.filter((w) => !got.includes(w)),
  unexpected: got.filter((g) => !want.includes(g)),
});

function runCase(engine: Engine, pc: PackCase, fired: Set<string>): string[] {
  const out = engine.evaluate(pc.case, undefined, fired);
  if (pc.problems) {
    if (out.ok) return ['应不通过校验，却通过了 / the case should not validate, and it did'];
    const got = out.problems.map((p) => `${p.path} ${p.code}`);
    const d = diff(got, pc.problems.map(normalise));
    return [
      ...d.missing.map((l) => `缺少问题 / missing problem: ${l}`),
      ...d.unexpected.map((l) => `多出问题 / unexpected problem: ${l}`),
    ];
  }
  if (!out.ok) return out.problems.map((p) => `案例有误 / invalid case: ${p.path}: ${p.zh} / ${p.en}`);
  const got = out.value.consequences.map(line);
  const held = out.value.withheld.map(line);
  const want = (pc.expect ?? []).map(normalise);
  const wantHeld = (pc.withheld ?? []).map(normalise);
  const failures: string[] = [];
  const report = (d: { missing: string[]; unexpected: string[] }, [zh, en]: [string, string]) => {
    failures.push(...d.missing.map((l) => `缺少${zh} / missing ${en}: ${l}`));
    failures.push(...d.unexpected.map((l) => `多出${zh} / unexpected ${en}: ${l}`));
  };
  if (pc.partial) {
    report({ missing: diff(got, want).missing, unexpected: [] }, ['后果', 'consequence']);
    report({ missing: diff(held, wantHeld).missing, unexpected: [] }, ['暂缓兑现', 'withheld']);
    for (const a of (pc.absent ?? []).map(normalise))
      if (got.includes(a) || held.includes(a)) failures.push(`不应出现 / should be absent: ${a}`);
  } else {
    report(diff(got, want), ['后果', 'consequence']);
    report(diff(held, wantHeld), ['暂缓兑现', 'withheld']);
  }
  // A case that sets an interpretation must be one where the reading matters.
  if (pc.interpretations && Object.keys(pc.interpretations).length > 0) {
    const byDefault = engine.evaluate({ ...pc.case, interpretations: {} });
    if (!byDefault.ok)
      failures.push('按默认解释案例不通过校验 / the case does not validate under the default readings');
    else {
      const before = [...byDefault.value.consequences.map(line), '|', ...byDefault.value.withheld.map(line)];
      if (JSON.stringify([...got, '|', ...held]) === JSON.stringify(before))
        failures.push('所设解释未改变结果 / the interpretation set does not change the result');
    }
  }
  return failures;
}

export function runPackTests(engine: Engine, cases: readonly PackCase[]): PackTestRun {
  const fired = new Set<string>();
  const runs = cases.map((pc) => {
    const failures = runCase(engine, pc, fired);
    return { file: pc.file, name: pc.name, ok: failures.length === 0, failures };
  });

  const all = engine.rules.rules.flatMap((r) => r.blocks.map((_, i) => ({ r, i, id: blockId(r.id, i) })));
  const blocks = all.filter((b) => blockCanGive(b.r, b.i)).map((b) => b.id);
  const unreachableBlocks = all.filter((b) => !blockCanGive(b.r, b.i)).map((b) => b.id);
  const uncoveredRules = engine.rules.rules
    .filter((r) => !r.blocks.some((_, i) => fired.has(blockId(r.id, i))))
    .map((r) => r.id);

  const expected = new Set<string>();
  const set = new Set<string>();
  const covers = new Set<string>();
  for (const pc of cases) {
    for (const l of [...(pc.expect ?? []), ...(pc.withheld ?? [])])
      for (const cl of normalise(l).split(' ')[0]!.split('>')) expected.add(cl);
    for (const [id, v] of Object.entries(pc.interpretations ?? {})) set.add(`${id}=${v}`);
    for (const c of pc.covers) covers.add(c);
  }
  const uncoveredInterpretations: string[] = [];
  // A town pack reads the county's interpretations: covering them is the county pack's tests' job.
  const readings = engine.pack.kind === 'town' ? [] : [...engine.pack.interpretations.values()];
  for (const it of readings) {
    if (!covers.has(it.id)) uncoveredInterpretations.push(it.id);
    for (const v of Object.keys(it.values))
      if (v !== it.default && !set.has(`${it.id}=${v}`)) uncoveredInterpretations.push(`${it.id}=${v}`);
  }
  return {
    cases: runs,
    coverage: {
      blocks,
      unreachableBlocks,
      uncoveredBlocks: blocks.filter((b) => !fired.has(b)),
      uncoveredRules,
      uncoveredClauses: engine.pack.consequenceClauses.filter((c) => !expected.has(c)),
      uncoveredInterpretations,
    },
  };
}

/** Whether nothing is left uncovered. */
export const coverageComplete = (c: Coverage) =>
  c.uncoveredBlocks.length +
    c.uncoveredRules.length +
    c.uncoveredClauses.length +
    c.uncoveredInterpretations.length ===
  0;
