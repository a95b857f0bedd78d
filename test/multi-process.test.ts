// More than one server process on one PostgreSQL database (issue: performance, "more than one
// machine"): two processes started as `npm start` starts them serve the same store. A session made
// on one is honoured by the other; the same payment sent to both at once lands once; document
// numbers asked for at once on both are unique and without gaps; and the audit chain written by
// both at once verifies, with no gap.

import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_ADMIN_URL } from '../src/store/testing.ts';

const ROOT = join(import.meta.dirname, '..');
const NAME = `zeren_mp_${randomBytes(4).toString('hex')}`;
const URL_ = (() => {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${NAME}`;
  return u.toString();
})();
const COUNTY = 'demo';
const Y = `/api/v1/counties/${COUNTY}/years/2010`;

interface Server {
  child: ChildProcess;
  base: string;
  out: string;
}

async function admin(q: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    await c.query(q);
  } finally {
    await c.end();
  }
}

async function start(port: number): Promise<Server> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/start.mjs')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: URL_, PORT: String(port), ZEREN_WEB_BUILD: '0', ZEREN_DB: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const s: Server = { child, base: `http://127.0.0.1:${port}`, out: '' };
  child.stdout!.on('data', (d) => {
    s.out += String(d);
  });
  child.stderr!.on('data', (d) => {
    s.out += String(d);
  });
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited: ${s.out}`);
    try {
      if ((await fetch(`${s.base}/api/v1/health`)).ok && s.out.includes('Ctrl-C')) return s;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server on ${port} did not start: ${s.out}`);
}

async function stop(s: Server | undefined): Promise<void> {
  if (!s || s.child.exitCode !== null) return;
  const gone = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  const t = setTimeout(() => s.child.kill('SIGKILL'), 15_000);
  await gone;
  clearTimeout(t);
}

async function signIn(s: Server, username: string, password: string): Promise<string> {
  const r = await fetch(`${s.base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(r.status, await r.clone().text()).toBe(200);
  return r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function call(
  s: Server,
  cookie: string,
  path: string,
  init: { method?: string; body?: unknown; key?: string } = {},
) {
  const r = await fetch(`${s.base}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      cookie,
      ...(init.body !== undefined && { 'content-type': 'application/json' }),
      ...(init.key && { 'idempotency-key': init.key }),
    },
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  });
  const type = r.headers.get('content-type') ?? '';
  return { status: r.status, body: type.includes('json') ? await r.json() : await r.arrayBuffer() };
}

describe('two server processes on one PostgreSQL database', () => {
  let a: Server | undefined;
  let b: Server | undefined;
  const port = 4300 + Math.floor(Math.random() * 500);

  beforeAll(async () => {
    await admin(`create database ${NAME}`);
    a = await start(port); // migrates and seeds the demo county
    b = await start(port + 1);
  }, 600_000);

  afterAll(async () => {
    await Promise.all([stop(a), stop(b)]);
    await admin(`drop database if exists ${NAME} with (force)`);
  }, 60_000);

  it('share sessions, pay once, number documents once and keep one audit chain', async () => {
    const A = a!;
    const B = b!;
    const office = await signIn(A, 'office', 'demo-office-2009');
    // A session made on one process is good on the other.
    expect((await call(B, office, '/api/v1/session')).status).toBe(200);

    const ev = await call(A, office, `${Y}/evaluations`, { method: 'POST', body: {} });
    expect(ev.status, JSON.stringify(ev.body)).toBe(201);
    const evaluationId = (ev.body as { receipt: { id: string } }).receipt.id;
    const confirmed = await call(B, office, `${Y}/decisions`, {
      method: 'POST',
      body: { evaluation_id: evaluationId, fines_due_on: '2099-12-31' },
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(201);

    const town = await signIn(B, 'town', 'demo-town-2009');
    const list = await call(A, town, `${Y}/obligations?kind=fine&limit=50`);
    expect(list.status).toBe(200);
    type Ob = { id: string; balance: { outstanding_fen: number } };
    const fines = ((list.body as { items: Ob[] }).items ?? []).filter((o) => o.balance.outstanding_fen > 0);
    expect(fines.length).toBeGreaterThanOrEqual(4);

    // The same payment sent ten times at once, half to each process: one entry, one answer.
    const first = fines[0]!;
    const same = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call(i % 2 ? A : B, town, `/api/v1/obligations/${first.id}/collect`, {
          method: 'POST',
          key: 'mp-collect-once',
          body: { amount_fen: first.balance.outstanding_fen, receipt_no: 'MP-0001' },
        }),
      ),
    );
    // The first is made (201); every other is its replay (200, `idempotent-replayed`), word for word.
    expect(same.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(same.map((r) => JSON.stringify(r.body))).size).toBe(1);
    const after = await call(B, town, `/api/v1/obligations/${first.id}`);
    const kinds = (after.body as { entries: { kind: string }[] }).entries.map((e) => e.kind);
    expect(kinds.filter((k) => k === 'collect')).toHaveLength(1);

    // Different payments at once on both processes: every one lands.
    const others = await Promise.all(
      fines.slice(1, 4).map((o, i) =>
        call(i % 2 ? A : B, town, `/api/v1/obligations/${o.id}/collect`, {
          method: 'POST',
          key: `mp-collect-${i}`,
          body: { amount_fen: o.balance.outstanding_fen, receipt_no: `MP-01${i}` },
        }),
      ),
    );
    for (const r of others) expect(r.status, JSON.stringify(r.body)).toBe(201);

    // Fine notices numbered at once on both processes: unique, consecutive.
    const notices = await Promise.all(
      fines.slice(0, 8).map((o, i) => call(i % 2 ? A : B, office, `/api/v1/obligations/${o.id}/notice.docx`)),
    );
    for (const n of notices) expect(n.status).toBe(200);
    const register = await call(A, office, `/api/v1/counties/${COUNTY}/documents`);
    const numbers = (register.body as { items: { number: string }[] }).items.map((d) =>
      Number(/〔\d+〕(\d+)号/.exec(d.number)![1]),
    );
    expect(numbers.length).toBeGreaterThanOrEqual(8);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect([...numbers].sort((x, y) => x - y)).toEqual(
      Array.from({ length: numbers.length }, (_, i) => i + 1),
    );

    // One chain, written by both, verifies from the first entry to the last.
    const auditor = await signIn(A, 'auditor', 'demo-auditor-2009');
    const verified = await call(B, auditor, '/api/v1/audit/verify');
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ ok: true });
    expect((verified.body as { entries: number }).entries).toBeGreaterThan(10);
  }, 300_000);
});
