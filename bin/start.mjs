#!/usr/bin/env node
// `npm start`: the server, compiled (bin/build.mjs).
import { run } from './run.mjs';

await run('server/start.ts');
