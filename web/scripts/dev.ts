// `npm run dev`: the API server (tsx watch, restarting on changes to src/) on PORT (default 3000)
// and Vite's dev server (WEB_PORT, default 5173) with /api proxied to it; Ctrl-C stops both.

import { type ChildProcess, spawn } from 'node:child_process';

const port = process.env.PORT ?? '3000';
const children: ChildProcess[] = [];
const run = (args: string[], env: Record<string, string>) => {
  const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  children.push(child);
  child.on('exit', (code) => stop(code ?? 0));
  return child;
};

let stopping = false;
function stop(code: number) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  process.exitCode = code;
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

run(['node_modules/tsx/dist/cli.mjs', 'watch', 'src/server/start.ts'], { PORT: port, ZEREN_WEB_BUILD: '0' });
run(['node_modules/vite/bin/vite.js', '--config', 'web/vite.config.ts'], {
  ZEREN_API: `http://127.0.0.1:${port}`,
});
