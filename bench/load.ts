// npx tsx bench/load.ts [--store sqlite|postgres] [--seconds 10] [--connections 20]
//
// A load benchmark of the main routes over loopback: a fresh store (an SQLite file, or a new
// PostgreSQL database on ZEREN_TEST_PG, dropped after), the server started as `npm start` starts
// it (demo county seeded, request logs off), signed in as the demo office. Each route is driven by
// N keep-alive connections for S seconds (bounded: a fixed duration, at most N requests in
// flight); then 100 concurrent evaluations run while a health probe is timed every 50 ms, and
// again while Excel reports, Word documents and evaluations run together on 20 connections.
// Prints requests/s, p50, p99, errors per route, and the probe's p50/p99/max.

import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const arg = (name: string, d: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : d;
};
const STORE = arg('store', 'sqlite');
const SECONDS = Number(arg('seconds', '10'));
const CONNECTIONS = Number(arg('connections', '20'));
const PG_ADMIN = process.env.ZEREN_TEST_PG || 'postgres://postgres@127.0.0.1:5432/postgres';

interface Res {
  status: number;
  ms: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  agent: http.Agent,
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Res> {
  const t = performance.now();
  return new Promise((resolveRes) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: { ...headers, ...(body && { 'content-type': 'application/json' }) },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (data += d));
        res.on('end', () =>
          resolveRes({
            status: res.statusCode ?? 0,
            ms: performance.now() - t,
            headers: res.headers,
            body: data,
          }),
        );
      },
    );
    req.on('error', () => resolveRes({ status: 0, ms: performance.now() - t, headers: {}, body: '' }));
    req.end(body);
  });
}

const pct = (xs: number[], p: number) => {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

async function drive(
  port: number,
  conns: number,
  seconds: number,
  make: () => [string, string, string?],
  headers: Record<string, string>,
) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: conns });
  const ms: number[] = [];
  let errors = 0;
  const codes = new Map<number, number>();
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: conns }, async () => {
      while (Date.now() < end) {
        const [method, path, body] = make();
        const r = await request(agent, port, method, path, headers, body);
        ms.push(r.ms);
        codes.set(r.status, (codes.get(r.status) ?? 0) + 1);
        if (r.status === 0 || r.status >= 500) errors++;
      }
    }),
  );
  agent.destroy();
  return {
    n: ms.length,
    rps: ms.length / seconds,
    p50: pct(ms, 50),
    p99: pct(ms, 99),
    errors,
    codes: Object.fromEntries(codes),
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'zeren-load-'));
  const port = 5200 + Math.floor(Math.random() * 500);
  let dbName = '';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    ZEREN_WEB_BUILD: '0',
    ZEREN_LOG: '0',
    DATABASE_URL: '',
    ZEREN_DB: join(dir, 'z.db'),
  };
  if (STORE === 'postgres') {
    dbName = `zeren_load_${randomBytes(4).toString('hex')}`;
    const c = new pg.Client({ connectionString: PG_ADMIN });
    await c.connect();
    await c.query(`CREATE DATABASE ${dbName}`);
    await c.end();
    const u = new URL(PG_ADMIN);
    u.pathname = `/${dbName}`;
    env.DATABASE_URL = u.toString();
  }
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/start.ts'], {
    cwd: ROOT,
    env,
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  try {
    const deadline = Date.now() + 180_000;
    while (!out.includes('Ctrl-C') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    if (!out.includes('Ctrl-C')) throw new Error(`the server did not start:\n${out}`);
    const agent = new http.Agent({ keepAlive: true });
    const login = await request(
      agent,
      port,
      'POST',
      '/api/v1/session',
      {},
      JSON.stringify({ username: 'office', password: 'demo-office-2009' }),
    );
    const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    const h = { cookie };
    const Y = '/api/v1/counties/demo/years/2010';
    const rows: [string, Awaited<ReturnType<typeof drive>>][] = [];
    const routes: [string, () => [string, string, string?]][] = [
      ['GET /api/v1/health', () => ['GET', '/api/v1/health']],
      ['GET /api/v1/health/ready', () => ['GET', '/api/v1/health/ready']],
      ['GET /api/v1/session', () => ['GET', '/api/v1/session']],
      ['GET …/people?limit=50', () => ['GET', '/api/v1/counties/demo/people?limit=50']],
      ['GET …/obligations', () => ['GET', `${Y}/obligations`]],
      ['GET …/years/2010/case', () => ['GET', `${Y}/case`]],
      ['POST …/evaluations', () => ['POST', `${Y}/evaluations`, '{}']],
      [
        'POST …/what-if (I5 strict)',
        () => ['POST', `${Y}/what-if`, JSON.stringify({ interpretations: { I5: 'strict' } })],
      ],
      ['GET …/balances (ledger)', () => ['GET', `${Y}/balances`]],
      ['GET …/evaluations (receipts)', () => ['GET', `${Y}/evaluations`]],
    ];
    for (const [name, make] of routes) {
      rows.push([name, await drive(port, CONNECTIONS, SECONDS, make, h)]);
      process.stderr.write(`${name} done\n`);
    }
    // Login on its own: a handful of connections (the throttle counts failures, not successes).
    rows.push([
      'POST /api/v1/session (sign-in)',
      await drive(
        port,
        Math.min(CONNECTIONS, 20),
        SECONDS,
        () => [
          'POST',
          '/api/v1/session',
          JSON.stringify({ username: 'office', password: 'demo-office-2009' }),
        ],
        {},
      ),
    ]);

    // 100 concurrent evaluations, and a health probe every 50 ms meanwhile.
    const probe: number[] = [];
    let probing = true;
    const probeAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const prober = (async () => {
      while (probing) {
        probe.push((await request(probeAgent, port, 'GET', '/api/v1/health', {})).ms);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const heavy = await drive(port, 100, SECONDS, () => ['POST', `${Y}/evaluations`, '{}'], h);
    probing = false;
    await prober;
    rows.push(['POST …/evaluations ×100 connections', heavy]);

    // Excel, Word and evaluations mixed on 20 connections, and the health probe meanwhile.
    // The year decided first (the demo county has no decision), so that its 奖惩兑现表 and 决定 exist.
    const json = h;
    const evaluation = JSON.parse((await request(agent, port, 'POST', `${Y}/evaluations`, json, '{}')).body);
    const confirmed = await request(
      agent,
      port,
      'POST',
      `${Y}/decisions`,
      json,
      JSON.stringify({
        evaluation_id: evaluation.receipt.id,
        fines_due_on: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10),
      }),
    );
    if (confirmed.status !== 201) throw new Error(`confirming the decision: ${confirmed.body}`);
    const decision = JSON.parse(confirmed.body).id as string;
    const mixed: [string, string, string?][] = [
      ['GET', `${Y}/reports/rewards-and-sanctions.xlsx`],
      ['POST', `${Y}/evaluations`, '{}'],
      ['GET', `/api/v1/decisions/${decision}/document.docx`],
    ];
    const mixedProbe: number[] = [];
    probing = true;
    const prober2 = (async () => {
      while (probing) {
        mixedProbe.push((await request(probeAgent, port, 'GET', '/api/v1/health', {})).ms);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    let turn = 0;
    const mixedRun = await drive(port, 20, SECONDS, () => mixed[turn++ % mixed.length]!, h);
    probing = false;
    await prober2;
    rows.push(['Excel + Word + evaluations ×20 connections', mixedRun]);

    const f = (x: number) => (Number.isNaN(x) ? '—' : x.toFixed(1));
    process.stdout.write(
      `\nZeren load (${STORE}, ${CONNECTIONS} connections, ${SECONDS} s per route, loopback)\n\n`,
    );
    process.stdout.write(
      `| route | requests | req/s | p50 ms | p99 ms | errors (5xx, reset) |\n|---|---:|---:|---:|---:|---:|\n`,
    );
    for (const [name, r] of rows)
      process.stdout.write(
        `| ${name} | ${r.n} | ${r.rps.toFixed(1)} | ${f(r.p50)} | ${f(r.p99)} | ${r.errors} |\n`,
      );
    process.stdout.write(
      `\nhealth probe during 100 concurrent evaluations: ${probe.length} probes, p50 ${f(pct(probe, 50))} ms, p99 ${f(pct(probe, 99))} ms, max ${f(Math.max(...probe))} ms\n`,
    );
    process.stdout.write(
      `health probe during Excel, Word and evaluations (20 connections): ${mixedProbe.length} probes, p50 ${f(pct(mixedProbe, 50))} ms, p99 ${f(pct(mixedProbe, 99))} ms, max ${f(Math.max(...mixedProbe))} ms\n`,
    );
    for (const [name, r] of rows)
      if (Object.keys(r.codes).some((c) => c !== '200' && c !== '201'))
        process.stdout.write(`  ${name}: ${JSON.stringify(r.codes)}\n`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
    if (dbName) {
      const c = new pg.Client({ connectionString: PG_ADMIN });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await c.end();
    }
  }
}

await main();
