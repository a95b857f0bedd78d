// `zeren policy`: the clauses, rules, parameters and interpretations of a pack.

import type { Command } from 'commander';
import { chinaDay, isIsoDate } from '../domain/dates.ts';
import { loadEngine, packDir } from '../policy/load.ts';
import { packTests } from '../policy/tests-index.ts';
import { findClause, policyView } from '../policy/view.ts';
import { clauseReport } from './policy-clause.ts';
import { policyCheck, policyTest } from './policy-pack-commands.ts';

const print = (s: string): void => {
  process.stdout.write(`${s}\n`);
};
const PARTS = [
  'clauses',
  'rules',
  'parameters',
  'interpretations',
  'duties',
  'clause',
  'check',
  'test',
] as const;

export function registerPolicyCommand(program: Command, policy: () => string | undefined): void {
  program
    .command('policy')
    .description(
      '策略包的条款、规则、参数和解释；检查、测试策略包 / the clauses, rules, parameters and interpretations of the policy pack; check and test a pack',
    )
    .argument('[PART]', `${PARTS.join('、')} 之一，默认全部 / one of ${PARTS.join(', ')} (default: all)`)
    .argument(
      '[ARG]',
      '条款编号，用于 clause（如 3.1.1 或 三（一）1）；策略包目录，用于 check 和 test（默认所用的包）/ the clause, for `clause`; the pack folder, for `check` and `test` (default: the pack in use)',
    )
    .option('--json', '以 JSON 输出策略包 / print the pack as JSON')
    .option('--on <DATE>', '参数按此日施行的取值，默认今天 / parameters in force on this day (default today)')
    .action((part: string | undefined, clause: string | undefined, opts: { json?: boolean; on?: string }) => {
      if (part === 'check') return policyCheck(clause ?? packDir(policy()));
      if (part === 'test') return policyTest(clause ?? packDir(policy()));
      const engine = loadEngine(policy());
      const p = engine.pack;
      if (part !== undefined && !(PARTS as readonly string[]).includes(part)) {
        process.stderr.write(`PART: 应为 ${PARTS.join('、')} 之一 / must be one of ${PARTS.join(', ')}\n`);
        process.exitCode = 2;
        return;
      }
      if (part === 'clause') return printClause(engine, policy(), clause, opts);
      const show = (x: string) => part === undefined || part === x;
      const rules = (p.rulesSource.rules as Record<string, unknown>[]) ?? [];
      if (opts.json) {
        const doc: Record<string, unknown> = { id: p.id, title: p.title, first_fp_year: p.firstFpYear };
        if (show('clauses')) doc.clauses = [...p.clauses.values()];
        if (show('rules')) doc.rules = rules;
        if (show('parameters')) doc.parameters = Object.fromEntries(p.parameters);
        if (show('interpretations')) doc.interpretations = Object.fromEntries(p.interpretations);
        if (show('duties')) doc.duties = p.duties;
        return print(JSON.stringify(doc, null, 2));
      }
      print(`${p.title}（${p.id}，自 ${p.firstFpYear} 计生年度起施行）`);
      if (show('clauses')) {
        print('\n【条款】');
        for (const c of p.clauses.values())
          print(`  ${c.label.padEnd(10)} ${c.id.padEnd(8)} ${c.text.replace(/\n+/g, ' ')}`);
      }
      if (show('rules')) {
        print('\n【规则】');
        for (const r of rules)
          print(
            `  ${String(r.cites).padEnd(8)} ${r.id}  for ${JSON.stringify(r.for)}${r.apply ? `  apply ${r.apply}` : ''}`,
          );
      }
      if (show('parameters')) {
        print('\n【参数】（单位：元；count 为名次；score 为分数；text 为称号）');
        for (const x of p.parameters.values())
          print(
            `  ${x.clause.padEnd(8)} ${x.name.padEnd(30)} ${x.values.map((v) => `${v.valid_from} 起 ${v.value}`).join(';')}  ${x.zh}`,
          );
      }
      if (show('interpretations')) {
        print('\n【解释】');
        for (const it of p.interpretations.values()) {
          print(`  ${it.id}  ${it.question_zh}`);
          for (const [v, d] of Object.entries(it.values))
            print(`      ${v === it.default ? '*' : ' '} ${v.padEnd(22)} ${d.zh}`);
        }
      }
      if (show('duties')) {
        print('\n【职责】（一）');
        for (const d of (p.duties.duties as Record<string, unknown>[]) ?? [])
          print(`  ${String(d.clause).padEnd(8)} ${JSON.stringify(d.holder)}  ${d.zh}`);
      }
    });
}

function printClause(
  engine: ReturnType<typeof loadEngine>,
  policy: string | undefined,
  key: string | undefined,
  opts: { json?: boolean; on?: string },
): void {
  const fail = (zh: string, en: string) => {
    process.stderr.write(`${zh} / ${en}\n`);
    process.exitCode = 2;
  };
  if (opts.on !== undefined && !isIsoDate(opts.on)) {
    fail('--on：应为日期 YYYY-MM-DD', '--on: must be a date, YYYY-MM-DD');
    return;
  }
  if (!key) {
    fail('CLAUSE：请给出条款编号，如 3.1.1', 'CLAUSE: name the clause, e.g. 3.1.1');
    return;
  }
  const view = policyView(engine, packTests(policy), opts.on ?? chinaDay(new Date()));
  const c = findClause(view, key);
  if (!c) {
    fail(`CLAUSE：没有条款“${key}”`, `CLAUSE: there is no clause "${key}"`);
    return;
  }
  print(opts.json ? JSON.stringify({ ...c, as_of: view.as_of }, null, 2) : clauseReport(view, c));
}
