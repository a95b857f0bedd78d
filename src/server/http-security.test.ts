// The HTTP surface: security headers on every response and no CORS grant; X-Forwarded-* believed
// only from a configured proxy; cookie-authenticated state changes only from this site's pages;
// hostile query strings answered 4xx on every route, and every 5xx logged; counties choose only
// shipped packs; names with control, bidirectional or zero-width characters refused; a case with
// too many problems answered with the first 1,000 and the count.

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, type Kit, workflowKit } from '../../test/support/workflow-kit.ts';
import { SYSTEM } from '../store/audit.ts';
import { ROLES, type UserRole } from '../store/scope.ts';
import { createTestStore } from '../store/testing.ts';
import { createToken } from '../store/tokens.ts';
import { createUser } from '../store/users.ts';
import { ACCESS, allowed } from './access.ts';
import { buildApp } from './app.ts';
import { API_CSP, APP_CSP, DOCS_CSP } from './headers.ts';

const PASSWORD = 'workflow password';

let k: Kit;
let adminToken = '';
let officeCookie = '';

beforeAll(async () => {
  k = await workflowKit('sqlite');
  const admin = await createUser(k.ctx, SYSTEM, { username: 'admin1', password: PASSWORD, role: 'admin' });
  adminToken = (await createToken(k.ctx, admin, 'test')).token;
  const r = await k.app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { username: 'office1', password: PASSWORD },
  });
  officeCookie = `zeren_session=${r.cookies.find((c) => c.name === 'zeren_session')!.value}`;
});
afterAll(async () => k.close());

describe('security headers', () => {
  it('are on every response: API, errors, refusals, the docs and the application', async () => {
    const responses = {
      health: await k.app.inject({ url: '/api/v1/health' }),
      refused: await k.app.inject({ url: '/api/v1/counties/qingshui/units' }),
      unknown: await k.app.inject({ url: '/no/such/page' }),
      bad: await k.as('office', { url: '/api/v1/counties/qingshui/units?limit=0' }),
      docs: await k.app.inject({ url: '/api/docs/' }),
      docsAsset: await k.app.inject({ url: '/api/docs/static/swagger-ui.css' }),
      root: await k.app.inject({ url: '/' }),
    };
    for (const [name, r] of Object.entries(responses)) {
      expect(r.headers['x-content-type-options'], name).toBe('nosniff');
      expect(r.headers['x-frame-options'], name).toBe('DENY');
      expect(r.headers['referrer-policy'], name).toBe('no-referrer');
      expect(r.headers['content-security-policy'], name).toContain("frame-ancestors 'none'");
      expect(r.headers['strict-transport-security'], name).toBeUndefined(); // plain http
    }
    expect(responses.health.headers['content-security-policy']).toBe(API_CSP);
    expect(responses.health.headers['cache-control']).toBe('no-store');
    expect(responses.docs.headers['content-security-policy']).toBe(DOCS_CSP);
    expect(responses.root.headers['content-security-policy']).toBe(APP_CSP);
    expect(APP_CSP).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    );
  });

  it('grant no CORS, to a preflight or to a request from another origin', async () => {
    const preflight = await k.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/counties/qingshui/units',
      headers: {
        origin: 'https://elsewhere.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
    const get = await k.as('office', {
      url: '/api/v1/counties/qingshui/units',
      headers: { origin: 'https://elsewhere.example' },
    });
    expect(get.statusCode).toBe(200);
    for (const r of [preflight, get])
      expect(Object.keys(r.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });
});

describe('a reverse proxy', () => {
  it('is believed only when configured, and only from its own address', async () => {
    const s = await createTestStore('sqlite');
    const apps = {
      none: await buildApp({ db: s.db }),
      proxy: await buildApp({ db: s.db, trustProxy: '10.0.0.1' }),
    };
    const ipOf = async (app: FastifyInstance, from: string) => {
      await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: `probe-${from}`, password: 'wrong password' },
        remoteAddress: from,
        headers: { 'x-forwarded-for': '203.0.113.9' },
      });
      return (
        await s.db.selectFrom('login_attempts').select('ip').where('username', '=', `probe-${from}`).execute()
      ).map((r) => r.ip);
    };
    expect(await ipOf(apps.none, '10.0.0.1')).toEqual(['10.0.0.1']);
    expect(await ipOf(apps.proxy, '10.0.0.2')).toEqual(['10.0.0.2']);
    await apps.none.close();
    const viaProxy = await apps.proxy.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'via-proxy', password: 'wrong password' },
      remoteAddress: '10.0.0.1',
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    expect(viaProxy.statusCode).toBe(422);
    expect(
      (await s.db.selectFrom('login_attempts').select('ip').where('username', '=', 'via-proxy').execute())[0]
        ?.ip,
    ).toBe('203.0.113.9');
    await apps.proxy.close();
    await s.drop();
  });
});

describe('cookie-authenticated state changes', () => {
  const post = (headers: Record<string, string>) =>
    k.app.inject({
      method: 'POST',
      url: '/api/v1/counties/qingshui/warning-notices',
      headers: { cookie: officeCookie, ...headers },
      payload: {
        id: `w-${Math.random().toString(36).slice(2, 8)}`,
        unit: 't-dongfeng',
        issued_on: '2009-05-01',
        matter: '跨站测试',
        deadline: '2009-06-01',
      },
    });

  it('are refused from another site (Fetch Metadata, else Origin)', async () => {
    for (const headers of [
      { 'sec-fetch-site': 'cross-site' } as Record<string, string>,
      { 'sec-fetch-site': 'same-site' },
      { origin: 'https://elsewhere.example' },
      { origin: 'null' },
    ]) {
      const r = await post(headers);
      expect(r.statusCode, JSON.stringify(headers)).toBe(403);
      expect(r.json().error.code).toBe('cross_site');
    }
    const signIn = await k.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { origin: 'https://elsewhere.example' },
      payload: { username: 'office1', password: PASSWORD },
    });
    expect(signIn.statusCode).toBe(403);
  });

  it("are allowed from this site's pages, from scripts with no browser headers, and with a token", async () => {
    expect((await post({ 'sec-fetch-site': 'same-origin' })).statusCode).toBe(201);
    expect((await post({ origin: 'http://localhost:80' })).statusCode).toBe(201); // inject's Host
    expect((await post({})).statusCode).toBe(201);
    const withToken = await k.as('office', {
      method: 'POST',
      url: '/api/v1/counties/qingshui/warning-notices',
      headers: { origin: 'https://elsewhere.example' },
      payload: {
        id: 'w-token',
        unit: 't-dongfeng',
        issued_on: '2009-05-01',
        matter: '令牌',
        deadline: '2009-06-01',
      },
    });
    expect(withToken.statusCode).toBe(201);
  });
});

describe('hostile query strings', () => {
  const HOSTILE = [
    'toString=1',
    '__proto__=1',
    'constructor=1',
    'hasOwnProperty=1',
    'offset=99999999999999999999',
    'limit=99999999999999999999',
    'before_seq=99999999999999999999',
    'on=99999999999999999999',
    'as_of=%00',
  ];

  it('never get a 5xx, on any GET route, for any role the route allows', async () => {
    const failures: string[] = [];
    const asRole: Record<UserRole, (url: string) => Promise<{ statusCode: number }>> = {
      office: (url) => k.as('office', { url }),
      town: (url) => k.as('dongfeng', { url }),
      unit: (url) => k.as('gongan', { url }),
      finance: (url) => k.as('finance', { url }),
      auditor: (url) => k.as('auditor', { url }),
      admin: (url) => k.app.inject({ url, headers: { authorization: `Bearer ${adminToken}` } }),
    };
    const gets = k.app.routeKeys.filter((r) => r.startsWith('GET '));
    expect(gets.length).toBeGreaterThan(50);
    for (const key of gets) {
      const url = key
        .slice(4)
        .replace(':county', 'qingshui')
        .replace(':fpYear', '2009')
        .replace(':unit', 't-dongfeng')
        .replace(':id', 'x');
      const roles = ROLES.filter((r) => allowed(ACCESS[key], r));
      for (const role of roles.length ? roles : (['office'] as UserRole[]))
        for (const q of HOSTILE) {
          const r = await asRole[role](`${url}?${q}`);
          if (r.statusCode >= 500) failures.push(`${role} GET ${url}?${q} → ${r.statusCode}`);
        }
    }
    expect(failures).toEqual([]);
  });

  it('are a 400 naming the parameter on the lists of facts', async () => {
    for (const q of ['toString=1', '__proto__=1', 'offset=99999999999999999999']) {
      const r = await k.as('office', { url: `/api/v1/counties/qingshui/people?${q}` });
      expect(r.statusCode, q).toBe(400);
      expect(r.json().error.problems[0].path).toMatch(/toString|__proto__|offset|querystring/);
    }
    // The filters a kind has still work.
    const named = await k.as('office', { url: '/api/v1/counties/qingshui/people?name=%E5%91%A8' });
    expect(named.statusCode).toBe(200);
  });
});

describe('every 5xx', () => {
  it('is logged with its request id, while the answer hides the internals', async () => {
    const s = await createTestStore('sqlite');
    const lines: string[] = [];
    const app = await buildApp({ db: s.db, logger: { stream: { write: (l) => void lines.push(l) } } });
    await s.drop(); // the database goes away under the running app
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'office1', password: PASSWORD },
    });
    expect(r.statusCode).toBe(500);
    const id = r.json().error.request_id;
    const logged = lines.map((l) => JSON.parse(l)).find((l) => l.reqId === id);
    expect(logged).toMatchObject({ level: 50, msg: 'request failed' });
    expect(logged.err.message).toBeTruthy();
    await app.close();
  });
});

describe('POST /api/v1/counties', () => {
  it('loads only a pack shipped with the system, never a path', async () => {
    const make = (policy: string) =>
      k.app.inject({
        method: 'POST',
        url: '/api/v1/counties',
        headers: { authorization: `Bearer ${adminToken}` },
        payload: { id: `c-${Math.random().toString(36).slice(2, 8)}`, name: '新县', policy },
      });
    for (const policy of ['/etc', '../policies/county-fp-2009', '..', 'policies/county-fp-2009']) {
      const r = await make(policy);
      expect(r.statusCode, policy).toBe(400);
      expect(r.json().error.problems[0]).toMatchObject({ path: 'policy', code: 'enum' });
    }
    expect((await make('county-fp-2009')).statusCode).toBe(201);
  });
});

describe('names', () => {
  const BAD = {
    bidirectional: '王\u202E明',
    'zero-width': '王\u200B明',
    control: '王\u0007明',
    'line separator': '王\u2028明',
  };

  it('with control, bidirectional or zero-width characters are refused with a field error', async () => {
    for (const [what, name] of Object.entries(BAD)) {
      const person = await k.as('office', {
        method: 'POST',
        url: '/api/v1/counties/qingshui/people',
        payload: { id: `p-${what.length}`, name },
      });
      expect(person.statusCode, what).toBe(400);
      expect(person.json().error.problems).toEqual([
        expect.objectContaining({
          path: 'name',
          code: 'bad_character',
          zh: expect.stringContaining('零宽字符'),
        }),
      ]);
      const unit = await k.as('office', {
        method: 'PATCH',
        url: '/api/v1/counties/qingshui/units/v-hongxing',
        payload: { name },
      });
      expect(unit.statusCode, what).toBe(400);
    }
    const token = await k.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { cookie: officeCookie },
      payload: { name: BAD.bidirectional },
    });
    expect(token.statusCode).toBe(400);
    // A name in Chinese with ordinary punctuation is fine.
    const fine = await k.as('office', {
      method: 'POST',
      url: '/api/v1/counties/qingshui/people',
      payload: { id: 'p-fine', name: '欧阳·明' },
    });
    expect(fine.statusCode).toBe(201);
  });

  it('are checked in a whole case too (the engine validator), naming the field', async () => {
    const kase = example();
    kase.people[0].name = BAD.bidirectional;
    kase.units[1].name = BAD['zero-width'];
    const r = await k.as('office', {
      method: 'PUT',
      url: '/api/v1/counties/qingshui/years/2009/case',
      payload: kase,
    });
    expect(r.statusCode).toBe(422);
    const paths = r.json().error.problems.map((p: { path: string; code: string }) => `${p.path} ${p.code}`);
    expect(paths).toEqual(['units[1].name bad_character', 'people[0].name bad_character']);
  });
});

describe('a case with very many problems', () => {
  it('is answered with the first 1,000 problems and their count', async () => {
    const kase = example();
    kase.posts = Array.from({ length: 1500 }, (_, i) => ({
      person: `p-none-${i}`,
      unit: 't-dongfeng',
      role: 'cadre',
    }));
    const r = await k.as('office', {
      method: 'PUT',
      url: '/api/v1/counties/qingshui/years/2009/case',
      payload: kase,
    });
    expect(r.statusCode).toBe(422);
    const { problems, problem_count, en } = r.json().error;
    expect(problems).toHaveLength(1000);
    expect(problem_count).toBe(1500);
    expect(en).toContain(`${problem_count} problem`);
  });
});
