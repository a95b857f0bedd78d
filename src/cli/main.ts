// zeren: the command line. `npm run -s zeren -- <command>`; `zeren help <command>` for details.

import { Command, CommanderError } from 'commander';
import { registerEngineCommands } from './engine-commands.ts';
import { registerGenerateCommand } from './generate-command.ts';
import { CliExit } from './io.ts';
import { registerPolicyCommand } from './policy-command.ts';
import { registerStoreCommands } from './store-commands.ts';

export function buildProgram(): Command {
  const program = new Command('zeren')
    .description('Zeren 责任:层级动态管理责任制 — rules as data, evaluated with their clauses')
    .option(
      '--policy <ID|DIR>',
      "policy pack id under policies/, or its folder (default: the case's `policy`)",
    )
    .showHelpAfterError()
    .exitOverride();
  const policy = () => program.opts<{ policy?: string }>().policy;
  registerEngineCommands(program, policy);
  registerPolicyCommand(program, policy);
  registerStoreCommands(program);
  registerGenerateCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
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
