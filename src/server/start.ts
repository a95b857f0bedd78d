// `npm start`: opens the store (DATABASE_URL, or the SQLite file ZEREN_DB, default ./data/zeren.db),
// migrates it, seeds the demo county on first start, builds the browser application when it is
// missing or stale (ZEREN_WEB_BUILD=0 skips that), serves both on PORT (default 3000) and stops
// cleanly on Ctrl-C. HTTPS, proxies and the addresses it agrees to serve: deploy.ts.

import { dirname } from 'node:path';
import { makeCtx } from '../compose.ts';
import { DEMO_COUNTY, type DemoAccount, seedDemo } from '../demo/seed.ts';
import { startEvaluationWorkers } from '../engine-pool/pool.ts';
import { openStore, storeOptionsFromEnv } from '../store/db.ts';
import { migrate } from '../store/migrate.ts';
import { listCounties } from '../store/places.ts';
import { buildApp } from './app.ts';
import { DeployError, type Deployment, deploymentFromEnv } from './deploy.ts';
import { readinessFromEnv } from './health.ts';
import { installShutdown, shutdownSeconds } from './shutdown.ts';
import { checkPortFree, checkSqlitePath, dbWaitSeconds, waitForDatabase } from './startup.ts';
import { ensureWebBuilt } from './web-build.ts';

/** A start-up failure in both languages, without a stack trace. */
function refuse(e: unknown): never {
  if (e instanceof DeployError) process.stderr.write(`${e.zh}\n${e.en}\n`);
  else process.stderr.write(`启动失败：${(e as Error).message}\nstart-up failed: ${(e as Error).message}\n`);
  process.exit(1);
}

let deployment: Deployment;
try {
  deployment = deploymentFromEnv();
} catch (e) {
  if (!(e instanceof DeployError)) throw e;
  refuse(e);
}
for (const w of deployment.warnings) process.stderr.write(`${w}\n`);

// Before the store is touched: the port is free, the SQLite folder writable, PostgreSQL answering.
const storeOptions = storeOptionsFromEnv();
await checkPortFree(deployment.host, deployment.port).catch(refuse);
if (storeOptions.sqlitePath)
  try {
    checkSqlitePath(storeOptions.sqlitePath);
  } catch (e) {
    refuse(e);
  }
const store = (() => {
  try {
    return openStore(storeOptions);
  } catch (e) {
    return refuse(
      new DeployError(
        `无法打开数据库：${(e as Error).message}`,
        `cannot open the store: ${(e as Error).message}`,
      ),
    );
  }
})();
await waitForDatabase(store, {
  seconds: dbWaitSeconds(),
  say: (line) => process.stderr.write(`${line}\n`),
}).catch(refuse);
await migrate(store.db).catch((e: Error) =>
  refuse(new DeployError(`数据库迁移失败：${e.message}`, `migrating the store failed: ${e.message}`)),
);
const ctx = makeCtx(store.db);

let accounts: DemoAccount[] | undefined;
const counties = await listCounties(store.db, null);
if (counties.length === 0) {
  process.stdout.write('首次启动：正在生成示范县（两个计生年度）… / first start: seeding the demo county…\n');
  const t = Date.now();
  accounts = await seedDemo(ctx);
  process.stdout.write(`示范县已生成 / demo county ready (${((Date.now() - t) / 1000).toFixed(1)} s)\n`);
}

if (process.env.ZEREN_WEB_BUILD !== '0')
  await ensureWebBuilt((line) => process.stdout.write(`${line}\n`)).catch((e: Error) =>
    process.stdout.write(
      `浏览器界面未能构建，仅提供接口 / the browser application was not built: ${e.message}\n`,
    ),
  );

// Evaluations in worker threads (ZEREN_WORKERS, default 2), off the event loop.
startEvaluationWorkers();
const app = await buildApp({
  db: store.db,
  // JSON lines on standard output: every request (with its id) by default; errors only with ZEREN_LOG=0.
  ...(process.env.ZEREN_LOG !== '0' && { logger: true }),
  readiness: readinessFromEnv(store.dialect === 'sqlite' ? dirname(store.location) : process.cwd()),
  trustProxy: deployment.trustProxy,
  requireHttps: deployment.requireHttps,
  https: deployment.https,
});
const { host, port } = deployment;
await app.listen({ port, host });
const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
const url = `${deployment.https ? 'https' : 'http'}://${shown}:${port}`;
process.stdout.write(
  [
    '',
    `Zeren 责任 — 已启动 / running on ${url}`,
    `  浏览器界面 / browser application: ${url}/`,
    `  数据库 / store: ${store.dialect} ${store.location}`,
    `  接口文档 / API docs: ${url}/api/docs   (OpenAPI: ${url}/api/v1/openapi.json)`,
    ...(accounts
      ? [
          `  示范县：${DEMO_COUNTY}（计生年度2009、2010） / demo county: ${DEMO_COUNTY} (FP years 2009, 2010)`,
          '  示范账号 / demo accounts (username / password):',
          ...accounts.map((a) => `    ${a.username.padEnd(8)} ${a.password.padEnd(20)} ${a.zh}`),
        ]
      : ['  示范账号见首次启动时的输出 / demo accounts were printed at first start (see README)']),
    '  按 Ctrl-C 停止 / Ctrl-C to stop',
    '',
  ].join('\n'),
);

// SIGTERM / Ctrl-C: finish what is in flight, then exit (bounded by ZEREN_SHUTDOWN_SECONDS); twice: at once.
const stop = installShutdown(app, {
  seconds: shutdownSeconds(),
  close: () => store.close(),
  say: (line) => process.stdout.write(`${line}\n`),
  exit: (code) => process.exit(code),
});
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
