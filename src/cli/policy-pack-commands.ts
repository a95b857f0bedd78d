// `zeren policy check DIR` and `zeren policy test DIR`: for whoever writes a pack (a county's, or
// a town's own under 七). check loads it and lists every problem with its file and place; test
// runs its YAML tests and reports what they cover, failing unless every case passes and every
// block, consequence-bearing clause and interpretation value is covered.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readPackCases } from '../policy/pack-cases.ts';
import { checkPack } from '../policy/pack-check.ts';
import { testWordProblems } from '../policy/pack-test-words.ts';
import { coverageComplete, runPackTests } from '../policy/pack-tests.ts';

const out = (s: string) => process.stdout.write(`${s}\n`);

/** The pack's engine, or undefined with every problem printed: its files', then its tests' words. */
function load(dir: string) {
  const r = checkPack(dir);
  const testsDir = join(dir, 'tests');
  const problems = r.ok
    ? existsSync(testsDir)
      ? testWordProblems(r.value, readPackCases(testsDir))
      : []
    : r.problems;
  if (r.ok && problems.length === 0) return r.value;
  out(`${dir}：策略包有 ${problems.length} 处问题 / the pack has ${problems.length} problem(s)`);
  for (const p of problems) out(`  ${p.path}  ${p.zh} / ${p.en}`);
  process.exitCode = 1;
  return undefined;
}

export function policyCheck(dir: string): void {
  const engine = load(dir);
  if (!engine) return;
  const p = engine.pack;
  out(
    `${dir}：可以加载，${p.title}（${p.id}）：条款 ${p.clauses.size} 条，规则 ${engine.rules.rules.length} 条，参数 ${p.parameters.size} 个，解释 ${p.interpretations.size} 项 / ${dir} loads: ${p.id}, ${p.clauses.size} clauses, ${engine.rules.rules.length} rules, ${p.parameters.size} parameters, ${p.interpretations.size} interpretations`,
  );
}

export function policyTest(dir: string): void {
  const engine = load(dir);
  if (!engine) return;
  const testsDir = join(dir, 'tests');
  if (!existsSync(testsDir)) {
    out(`${testsDir}：没有测试 / no tests`);
    process.exitCode = 1;
    return;
  }
  const run = runPackTests(engine, readPackCases(testsDir));
  const failed = run.cases.filter((c) => !c.ok);
  for (const c of failed) {
    out(`✗ ${c.file}：${c.name}`);
    for (const f of c.failures) out(`    ${f}`);
  }
  const cov = run.coverage;
  const rules = engine.rules.rules.length;
  const clauses = engine.pack.consequenceClauses.length;
  const covered = {
    rules: `${rules - cov.uncoveredRules.length}/${rules}`,
    blocks: `${cov.blocks.length - cov.uncoveredBlocks.length}/${cov.blocks.length}`,
    clauses: `${clauses - cov.uncoveredClauses.length}/${clauses}`,
  };
  out(
    `测试 ${run.cases.length} 个，通过 ${run.cases.length - failed.length} 个 / ${run.cases.length} tests, ${run.cases.length - failed.length} passed`,
  );
  out(
    `覆盖：规则 ${covered.rules}，块 ${covered.blocks}，后果条款 ${covered.clauses} / coverage: rules ${covered.rules}, blocks ${covered.blocks}, consequence clauses ${covered.clauses}`,
  );
  const list = (zh: string, en: string, xs: string[]) => {
    if (xs.length) out(`  未覆盖的${zh}：${xs.join('、')} / ${en} not covered: ${xs.join(', ')}`);
  };
  list('规则', 'rules', cov.uncoveredRules);
  list('块', 'blocks', cov.uncoveredBlocks);
  list('条款', 'clauses', cov.uncoveredClauses);
  list('解释及取值', 'interpretations and values', cov.uncoveredInterpretations);
  if (cov.unreachableBlocks.length)
    out(
      `  不可能给出后果的块（不计）/ blocks that can never give (not counted)：${cov.unreachableBlocks.join('、')}`,
    );
  if (failed.length > 0 || !coverageComplete(cov)) process.exitCode = 1;
}
