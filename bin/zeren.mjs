#!/usr/bin/env node
// `zeren` (and `npm run -s zeren --`): the command line, compiled (bin/build.mjs).
import { run } from './run.mjs';

await run('cli/bin.ts');
