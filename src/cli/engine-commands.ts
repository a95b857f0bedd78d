// evaluate, validate, explain, compare: the engine on a case file, from the command line.

import type { Command } from 'commander';
import type { ZerenCase } from '../domain/case.ts';
import { formatYuan, yuanText } from '../domain/money.ts';
import type { Consequence, Withheld, ZerenResult } from '../domain/result.ts';
import { compareResults } from '../domain/result-diff.ts';
import { withheldReasonZh } from '../domain/vocabulary.ts';
import { clauseLabel } from '../engine/clauses.ts';
import type { Engine } from '../engine/engine.ts';
import { loadEngine } from '../policy/load.ts';
import { CliExit, failWith, parseSets, readCase } from './io.ts';
import { describe, personLabel, renderReport, totals } from './report.ts';

interface Common {
  set?: string[];
  json?: boolean;
}

function policyOf(raw: unknown, fallback: string | undefined): string | undefined {
  if (fallback) return fallback;
  const p = (raw as { policy?: unknown } | null)?.policy;
  return typeof p === 'string' && /^[\w-]+$/.test(p) ? p : undefined;
}

/** Reads, validates and evaluates; any problem ends the command with status 2. */
export function load(
  path: string,
  opts: Common,
  policy?: string,
): { engine: Engine; c: ZerenCase; result: ZerenResult } {
  const raw = readCase(path);
  if (!raw.ok) failWith(raw.problems);
  const sets = parseSets(opts.set);
  if (!sets.ok) failWith(sets.problems);
  let engine: Engine;
  try {
    engine = loadEngine(policyOf(raw.value, policy));
  } catch (e) {
    const id = policyOf(raw.value, policy);
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      failWith([
        { path: 'policy', code: 'unknown_policy', zh: `没有策略包“${id}”`, en: `no policy pack "${id}"` },
      ]);
    throw e;
  }
  const out = engine.evaluate(raw.value, sets.value);
  if (!out.ok) failWith(out.problems);
  return { engine, c: raw.value as ZerenCase, result: out.value };
}

const CASE_ARG = 'YAML 或 JSON 案例文件，- 为标准输入 / a YAML or JSON case file, or - for standard input';
const SET_OPT =
  '设定解释，如 I2=sampled-villages-only / set an interpretation, e.g. I2=sampled-villages-only';
const JSON_OPT = '输出 JSON / print JSON';

const print = (s: string): void => {
  process.stdout.write(`${s}\n`);
};

export function registerEngineCommands(program: Command, policy: () => string | undefined): void {
  program
    .command('evaluate')
    .description('评定奖惩：案例的每项奖惩及其条款 / evaluate a case: every consequence with its clause')
    .argument(
      '<CASE>',
      'YAML 或 JSON 案例文件（zeren-case/1），- 为标准输入 / a YAML or JSON zeren-case/1 file, or - for standard input',
    )
    .option('--json', '只输出一份 zeren-result/1 文档 / print exactly one zeren-result/1 document')
    .option(
      '--set <I=value...>',
      '设定解释，如 --set I2=sampled-villages-only / set an interpretation, e.g. --set I2=sampled-villages-only',
    )
    .action((path: string, opts: Common) => {
      const { engine, c, result } = load(path, opts, policy());
      const label = (id: string) => engine.pack.clauses.get(id)?.label ?? id;
      print(
        opts.json
          ? JSON.stringify(result, null, 2)
          : renderReport(c, result, { defaults: engine.defaults, words: engine.vocabulary }, label),
      );
    });

  program
    .command('validate')
    .description(
      '校验案例；无效时列出全部问题，退出码 2 / check a case; exit 2 with every problem when it is invalid',
    )
    .argument('<CASE>', CASE_ARG)
    .option('--set <I=value...>', SET_OPT)
    .action((path: string, opts: Common) => {
      const { c } = load(path, opts, policy());
      const n = (k: keyof ZerenCase) => (Array.isArray(c[k]) ? (c[k] as unknown[]).length : 0);
      print(
        `有效：${c.policy}，${c.fp_year}计生年度，${n('units')}个单位、${n('people')}人、${n('posts')}个职务、${n('links')}条挂钩、${n('assessments')}项考核 / valid: ${c.policy} ${c.fp_year}, ${n('units')} units, ${n('people')} people, ${n('posts')} posts, ${n('links')} links, ${n('assessments')} assessments`,
      );
    });

  program
    .command('explain')
    .description(
      '说明：一个单位或人员的每项奖惩、理由及条款原文 / every consequence for one unit or person, and why, with the clause text',
    )
    .argument('<CASE>', CASE_ARG)
    .requiredOption('--subject <ID>', '案例中的单位或人员编号 / a unit or person id of the case')
    .option('--set <I=value...>', SET_OPT)
    .option('--json', JSON_OPT)
    .action((path: string, opts: Common & { subject: string }) => {
      const { engine, c, result } = load(path, opts, policy());
      const unit = c.units.find((u) => u.id === opts.subject);
      const person = c.people?.find((p) => p.id === opts.subject);
      if (!unit && !person)
        failWith([
          {
            path: '--subject',
            code: 'unknown_ref',
            zh: `案例中没有单位或人员“${opts.subject}”`,
            en: `the case has no unit or person "${opts.subject}"`,
          },
        ]);
      const mine = (x: Consequence | Withheld) =>
        x.subject.id === opts.subject && x.subject.kind === (unit ? 'unit' : 'person');
      const items = result.consequences.filter(mine);
      const held = result.withheld.filter(mine);
      if (opts.json)
        return print(JSON.stringify({ subject: opts.subject, consequences: items, withheld: held }, null, 2));
      print(unit ? `${unit.name}（${opts.subject}）` : personLabel(c, opts.subject, engine.vocabulary));
      if (items.length + held.length === 0) print('  本计生年度没有任何奖惩。');
      for (const x of [...items, ...held]) {
        print('');
        print(
          `■ ${describe(x, engine.vocabulary)}${'reason' in x ? `  〔暂缓兑现：${withheldReasonZh(String(x.reason))}〕` : ''}`,
        );
        print(
          `  规则 ${x.rule}；所依解释：${x.depends_on.map((i) => `${i}=${result.interpretations[i]}`).join('、') || '无'}`,
        );
        print(`  理由：${x.explanation}`);
      }
      const clauses = [
        ...new Set([...items, ...held].flatMap((x) => [x.clause, ...(x.applies ? [x.applies] : [])])),
      ].sort();
      if (clauses.length) print('\n条款原文：');
      for (const id of clauses) print(`  ${clauseLabel(id)}  ${engine.pack.clauses.get(id)?.text}`);
    });

  program
    .command('compare')
    .description(
      '比较解释：默认解释与给定解释之间的变化 / what changes between the default reading and the given one',
    )
    .argument('<CASE>', CASE_ARG)
    .requiredOption('--set <I=value...>', SET_OPT)
    .option('--json', JSON_OPT)
    .action((path: string, opts: Common) => {
      const { engine, c, result: changed } = load(path, opts, policy());
      const base = engine.evaluateValid(c);
      const diff = compareResults(base, changed);
      if (opts.json) return print(JSON.stringify(diff, null, 2));
      const sets = Object.entries(
        parseSets(opts.set).ok ? (parseSets(opts.set) as { value: object }).value : {},
      );
      print(
        `比较：案例的解释 → ${sets.map(([k, v]) => `${k}=${v}`).join('、')} / compare: the case's readings → ${sets.map(([k, v]) => `${k}=${v}`).join(', ')}`,
      );
      const who = (x: Consequence | Withheld) =>
        x.subject.kind === 'unit'
          ? (c.units.find((u) => u.id === x.subject.id)?.name ?? x.subject.id)
          : personLabel(c, x.subject.id, engine.vocabulary);
      const section = (title: string, en: string, list: (Consequence | Withheld)[]) => {
        print(`\n${title}：${list.length}项 / ${en}: ${list.length}`);
        for (const x of list) print(`  ${who(x)}  ${describe(x, engine.vocabulary)}`);
      };
      section('新增', 'added', diff.added);
      section('取消', 'removed', diff.removed);
      section('新增暂缓兑现', 'newly withheld', diff.withheld_added);
      section('取消暂缓兑现', 'no longer withheld', diff.withheld_removed);
      const [a, b] = [totals(base), totals(changed)];
      const y = (n: number) => yuanText(Math.round(n * 100));
      const en = (n: number) => `${formatYuan(Math.round(n * 100))} yuan`;
      print(
        `\n奖励合计${y(a.rewardsYuan)} → ${y(b.rewardsYuan)}；罚款合计${y(a.finesYuan)} → ${y(b.finesYuan)} / rewards ${en(a.rewardsYuan)} → ${en(b.rewardsYuan)}; fines ${en(a.finesYuan)} → ${en(b.finesYuan)}`,
      );
    });
}

export { CliExit };
