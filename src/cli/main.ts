// zeren: the command line. `npm run -s zeren -- <command>`; `zeren help <command>` for details.
//
// Each group of commands lives in its own module, loaded only when its command is asked for: the
// engine's commands never load the store's drivers, the document generator or Excel, so
// `zeren evaluate` starts about as fast as Node itself. Help, an unknown command or no command
// loads them all (commander then lists or refuses them as usual).

import { Command, CommanderError } from 'commander';
import { bilingualHelp } from './help.ts';
import { CliExit } from './io.ts';

type Register = (program: Command, policy: () => string | undefined) => void;

interface Group {
  commands: readonly string[];
  load: () => Promise<Register>;
}

const GROUPS: readonly Group[] = [
  {
    commands: ['evaluate', 'validate', 'explain', 'compare'],
    load: async () => (await import('./engine-commands.ts')).registerEngineCommands,
  },
  {
    commands: ['policy'],
    load: async () => (await import('./policy-command.ts')).registerPolicyCommand,
  },
  {
    commands: ['users', 'county', 'case', 'receipt', 'audit'],
    load: async () => (await import('./store-commands.ts')).registerStoreCommands,
  },
  {
    commands: ['batch'],
    load: async () => (await import('./batch-command.ts')).registerBatchCommand,
  },
  {
    commands: ['backup', 'restore'],
    load: async () => (await import('./backup-commands.ts')).registerBackupCommands,
  },
  {
    commands: ['generate'],
    load: async () => (await import('./generate-command.ts')).registerGenerateCommand,
  },
];

/** Options of the program itself that take a value (so the value is not read as the command). */
const VALUED = new Set(['--policy']);

/** The command named on the line, if any: the first word that is neither an option nor its value. */
export function commandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (VALUED.has(a)) i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = bilingualHelp(new Command('zeren'))
    .description(
      'Zeren 责任：层级动态管理责任制，规则即数据，每项奖惩附其条款 / rules as data, evaluated with their clauses',
    )
    .option(
      '--policy <ID|DIR>',
      "策略包编号（policies/ 下）或其文件夹，默认取案例的 policy / policy pack id under policies/, or its folder (default: the case's `policy`)",
    )
    .showHelpAfterError()
    .exitOverride();
  const policy = () => program.opts<{ policy?: string }>().policy;
  const named = commandOf(argv);
  const own = GROUPS.find((g) => named !== undefined && g.commands.includes(named));
  for (const group of own ? [own] : GROUPS) (await group.load())(program, policy);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await (await buildProgram(argv)).parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CliExit) {
      process.stderr.write(`${e.message}\n`);
      return e.code;
    }
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    process.stderr.write(`zeren: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}
