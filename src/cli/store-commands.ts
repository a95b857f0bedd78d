// Commands on the office store: accounts, counties, whole cases, receipts and the audit trail.
// DATABASE_URL (PostgreSQL) or ZEREN_DB (a SQLite path; default ./data/zeren.db) picks the store.

import type { Command } from 'commander';
import { makeCtx } from '../compose.ts';
import { formatProblem } from '../domain/problems.ts';
import { type Actor, auditHead, verifyAudit } from '../store/audit.ts';
import { createCounty, exportCase } from '../store/cases.ts';
import type { Ctx } from '../store/ctx.ts';
import { openStore, type Store } from '../store/db.ts';
import { StoreError } from '../store/errors.ts';
import { evaluateYear, verifyReceipt } from '../store/evaluations.ts';
import { migrate } from '../store/migrate.ts';
import { ROLES, roleZh, systemScope } from '../store/scope.ts';
import { retrying, UNAVAILABLE_MESSAGE, unavailability } from '../store/unavailable.ts';
import { createUser, listUsers } from '../store/users.ts';
import { importCase } from '../store/year-import.ts';
import { CliExit, parseSets, readCase, readInput } from './io.ts';

const print = (s: string): void => {
  process.stdout.write(`${s}\n`);
};

/** The operator at the console, as the audit trail records them. */
const CONSOLE: Actor = { name: `cli:${process.env.USER ?? 'operator'}`, role: 'system' };

/**
 * Runs a command on the store. While the server (or another command) holds the SQLite write lock
 * past the busy timeout, or PostgreSQL is away, the command waits and tries again (a failed
 * transaction wrote nothing) before it gives up with a clear message.
 */
async function withStore<T>(f: (ctx: Ctx, store: Store) => Promise<T>): Promise<T> {
  const store = openStore();
  const again = {
    attempts: 6,
    pauseMs: 1000,
    onRetry: (e: unknown) =>
      process.stderr.write(
        `${UNAVAILABLE_MESSAGE[unavailability(e) ?? 'database_busy'].zh}… / ${UNAVAILABLE_MESSAGE[unavailability(e) ?? 'database_busy'].en}…\n`,
      ),
  };
  try {
    await retrying(() => migrate(store.db), again);
    return await retrying(() => f(makeCtx(store.db), store), again);
  } catch (e) {
    if (e instanceof StoreError)
      throw new CliExit(2, [`${e.zh} / ${e.en}`, ...e.problems.map(formatProblem)].join('\n'));
    const away = unavailability(e);
    if (away) throw new CliExit(3, `${UNAVAILABLE_MESSAGE[away].zh} / ${UNAVAILABLE_MESSAGE[away].en}`);
    throw e;
  } finally {
    await store.close();
  }
}

export function registerStoreCommands(program: Command): void {
  const users = program.command('users').description('账号 / accounts');
  users
    .command('add')
    .description('新增账号，密码从标准输入读取 / add an account; the password is read from standard input')
    .argument('<USERNAME>', '登录名 / the login name')
    .requiredOption(
      '--role <ROLE>',
      `角色：${ROLES.map((r) => `${r}（${roleZh(r)}）`).join('、')} / role: ${ROLES.join(' | ')}`,
    )
    .option('--county <ID>', '所属县（系统管理员以外的角色必填）/ the county (every role but admin)')
    .option(
      '--unit <ID>',
      '所属镇（场）（角色 town）或县直单位（角色 unit）/ the town (role town) or county unit (role unit)',
    )
    .option('--name <NAME>', "姓名，公文上印的名字 / the person's name, as documents print it")
    .action(
      async (username: string, opts: { role: string; county?: string; unit?: string; name?: string }) => {
        const password = readInput('-').replace(/\r?\n$/, '');
        await withStore(async (ctx) => {
          const u = await createUser(ctx, CONSOLE, {
            username,
            password,
            role: opts.role,
            county: opts.county ?? null,
            unit: opts.unit ?? null,
            display_name: opts.name ?? null,
          });
          print(
            `已添加 / added: ${u.username}${u.display_name ? ` ${u.display_name}` : ''}（${roleZh(u.role)} ${u.role}${u.county ? `，${u.county}` : ''}${u.unit ? `，${u.unit}` : ''}）`,
          );
        });
      },
    );
  users
    .command('list')
    .description('列出账号 / list accounts')
    .option('--county <ID>', '只列此县的账号 / only the accounts of this county')
    .action(async (opts: { county?: string }) => {
      await withStore(async (ctx) => {
        for (const u of await listUsers(ctx.db, opts.county ?? null))
          print(
            `${u.username.padEnd(20)} ${(u.display_name ?? '-').padEnd(8)} ${`${roleZh(u.role)}（${u.role}）`.padEnd(14)} ${u.county ?? '-'}  ${u.unit ?? ''}${u.disabled_at ? '  停用 / disabled' : ''}`,
          );
      });
    });

  program
    .command('county')
    .description('新建县 / add a county')
    .argument('<ID>', '县的编号 / the county id')
    .requiredOption('--name <NAME>', '县名 / the county name')
    .option('--policy <ID>', '策略包 / policy pack', 'county-fp-2009')
    .action(async (id: string, opts: { name: string; policy: string }) => {
      await withStore(async (ctx) => {
        await createCounty(ctx, CONSOLE, { id, name: opts.name, policy: opts.policy });
        print(`已添加县 / added county ${id}`);
      });
    });

  const kase = program
    .command('case')
    .description(
      "一个县一个计生年度的数据，即一份 zeren-case/1 案例 / a county's FP year as one zeren-case/1 document",
    );
  kase
    .command('import')
    .argument('<CASE>', 'YAML 或 JSON 文件，- 为标准输入 / a YAML or JSON file, or - for standard input')
    .requiredOption('--county <ID>', '县的编号 / the county id')
    .description(
      '导入案例，使库中该年度与之一致；校验不通过时不写入任何内容 / make the stored year match the case; nothing is written if it does not validate',
    )
    .action(async (path: string, opts: { county: string }) => {
      const raw = readCase(path);
      if (!raw.ok) throw new CliExit(2, raw.problems.map(formatProblem).join('\n'));
      const year = (raw.value as { fp_year?: unknown }).fp_year;
      await withStore(async (ctx) => {
        const s = await importCase(
          ctx,
          systemScope(opts.county, CONSOLE),
          opts.county,
          Number(year),
          raw.value,
        );
        print(
          `已导入${opts.county} ${year}年度：新增${s.inserted}，更新${s.updated}，恢复${s.restored}，结束${s.closed}，撤回${s.retracted}，纳入${s.linked}，移出${s.unlinked}；共${s.changes}处变动 / imported ${opts.county} ${year}: ${s.inserted} added, ${s.updated} updated, ${s.restored} restored, ${s.closed} closed, ${s.retracted} retracted, ${s.linked} linked, ${s.unlinked} unlinked; ${s.changes} changes (sha256 ${s.case_sha256})`,
        );
      });
    });
  kase
    .command('export')
    .requiredOption('--county <ID>', '县的编号 / the county id')
    .requiredOption('--year <FP_YEAR>', '计生年度，如 2009 / the FP year, e.g. 2009')
    .description(
      '以 JSON 输出库中的年度数据，即引擎所评定的内容 / print the stored year as JSON: exactly what the engine evaluates',
    )
    .action(async (opts: { county: string; year: string }) => {
      await withStore(async (ctx) =>
        print(
          JSON.stringify(
            await exportCase(ctx, systemScope(opts.county, CONSOLE), opts.county, Number(opts.year)),
            null,
            2,
          ),
        ),
      );
    });

  kase
    .command('evaluate')
    .requiredOption('--county <ID>', '县的编号 / the county id')
    .requiredOption('--year <FP_YEAR>', '计生年度，如 2009 / the FP year, e.g. 2009')
    .option('--set <I=value...>', "设定与案例不同的解释 / an interpretation other than the case's")
    .description(
      '评定库中的年度并保存评定回执，输出回执编号 / evaluate the stored year and keep the receipt; prints the receipt id',
    )
    .action(async (opts: { county: string; year: string; set?: string[] }) => {
      const sets = parseSets(opts.set);
      if (!sets.ok) throw new CliExit(2, sets.problems.map(formatProblem).join('\n'));
      await withStore(async (ctx) => {
        const { receipt, result } = await evaluateYear(
          ctx,
          systemScope(opts.county, CONSOLE),
          opts.county,
          Number(opts.year),
          sets.value,
        );
        print(
          `回执${receipt.id}：${result.consequences.length}项后果，${result.withheld.length}项暂缓兑现 / receipt ${receipt.id}: ${result.consequences.length} consequences, ${result.withheld.length} withheld (case sha256 ${receipt.case_sha256})`,
        );
      });
    });

  program
    .command('receipt')
    .description('评定回执 / evaluation receipts')
    .command('verify')
    .argument('<ID>', '回执编号 / the receipt id')
    .description(
      '重新运行已保存的评定，核对结果是否一致；不一致时退出码 1 / re-run a stored evaluation and say whether it reproduces; exit 1 if it does not',
    )
    .action(async (id: string) => {
      await withStore(async (ctx) => {
        const v = await verifyReceipt(ctx, id);
        print(`回执 / receipt ${id}`);
        print(`  输入未被改动 / case intact:     ${v.case_intact ? '是 yes' : '否 NO'}`);
        print(
          `  策略包相同 / same policy pack:  ${v.same_pack ? '是 yes' : '否 no (the pack changed since)'}`,
        );
        print(`  引擎版本相同 / same engine:     ${v.same_engine ? '是 yes' : '否 no'}`);
        print(`  结果可复现 / reproduces:        ${v.reproduces ? '是 yes' : '否 NO'}`);
        for (const d of v.differences) print(`    ${d}`);
        if (!v.reproduces || !v.case_intact) process.exitCode = 1;
      });
    });

  const audit = program.command('audit').description('审计日志 / the audit trail');
  audit
    .command('verify')
    .description(
      '核对哈希链，指出第一条被改动、删除或调换顺序的记录；链断裂时退出码 1 / check the hash chain; name the first entry altered, removed or reordered; exit 1 if broken',
    )
    .option(
      '--head <SEQ:HASH>',
      '此前保存的链头，须仍在链中 / a head exported earlier, that must still be in the chain',
    )
    .action(async (opts: { head?: string }) => {
      const m = opts.head ? /^(\d+):([0-9a-f]{64})$/.exec(opts.head) : null;
      if (opts.head && !m) throw new CliExit(2, '--head：应为 序号：哈希 / must be SEQ:HASH');
      await withStore(async (ctx) => {
        const v = await verifyAudit(ctx.db, m ? { seq: Number(m[1]), hash: m[2]! } : undefined);
        if (v.ok)
          print(
            `审计日志完好：共${v.entries}条，最新${v.head.seq}:${v.head.hash} / the audit trail is intact: ${v.entries} entries, head ${v.head.seq}:${v.head.hash}`,
          );
        else {
          print(`审计日志被篡改 / the audit trail was tampered with: ${v.problem!.zh} / ${v.problem!.en}`);
          process.exitCode = 1;
        }
      });
    });
  audit
    .command('head')
    .description(
      '输出链头（SEQ:HASH），供审计人员保存 / print the head of the chain (SEQ:HASH) for an auditor to keep',
    )
    .action(async () => {
      await withStore(async (ctx) => {
        const h = await auditHead(ctx.db);
        print(`${h.seq}:${h.hash}`);
      });
    });
}
