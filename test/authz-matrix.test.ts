// The authorisation matrix: every route × method × role × (own object, another town's object,
// another county's object), checked against the one declared table (src/server/access.ts). A
// route the app serves that is missing from the table fails this test; so does a table entry
// that no route serves. Both counties hold the same example, so ids are the same in each: only
// the jurisdiction tells them apart.

import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeCtx } from '../src/compose.ts';
import { can } from '../src/domain/permissions.ts';
import { ACCESS, allowed, FACT_ROUTES } from '../src/server/access.ts';
import { buildApp } from '../src/server/app.ts';
import { SYSTEM } from '../src/store/audit.ts';
import { createCounty } from '../src/store/cases.ts';
import { confirmDecision } from '../src/store/decisions.ts';
import { evaluateYear } from '../src/store/evaluations.ts';
import { createFact } from '../src/store/facts.ts';
import { ROLES, scopeFor, systemScope, type UserRole } from '../src/store/scope.ts';
import { createTestStore, type TestStore } from '../src/store/testing.ts';
import { createToken } from '../src/store/tokens.ts';
import type { User } from '../src/store/user-row.ts';
import { createUser } from '../src/store/users.ts';
import { importCase } from '../src/store/year-import.ts';

const PASSWORD = 'matrix password 1';
const example = () => parse(readFileSync(new URL('../examples/qingshui-2009.yaml', import.meta.url), 'utf8'));

/** Where each role is: the town user is 东风镇's, the unit user 县教育局's. */
const PLACE: Partial<Record<UserRole, string>> = { town: 't-dongfeng', unit: 'u-jiaoyu' };
type Target = 'own' | 'other-town' | 'other-county';
type Ids = Record<string, Partial<Record<'town' | 'xishan' | 'unit', string>>>;

let s: TestStore;
let app: FastifyInstance;
const cookies: Partial<Record<UserRole, string>> = {};
const users: Partial<Record<UserRole, User>> = {};
const ids: Ids = {};
const evaluations: Record<'a' | 'b', string> = { a: '', b: '' };
const tokens: Partial<Record<UserRole, string>> = {};
let otherToken = '';
let served: string[] = [];
const clock = { now: new Date('2009-12-01T08:00:00Z') };
const decisions: Record<'a' | 'b', string> = { a: '', b: '' };
/** An object of each top-level kind in the other county. */
const otherIds: Record<string, string | undefined> = {};

beforeAll(async () => {
  s = await createTestStore('sqlite');
  const ctx = makeCtx(s.db, () => clock.now);
  app = await buildApp({ db: s.db, now: ctx.now });
  served = [...app.routeKeys];
  for (const county of ['qingshui', 'other']) {
    await createCounty(ctx, SYSTEM, { id: county, name: county });
    const office = systemScope(county);
    await importCase(ctx, office, county, 2009, example());
    // Facts the example lacks, so every kind has an object in each town and in the unit.
    await createFact(ctx, office, county, 'categories', { unit: 't-xishan', fp_year: 2009, category: 2 });
    await createFact(ctx, office, county, 'acceptances', {
      fp_year: 2009,
      unit: 'v-shangling',
      kind: 'no_out_of_policy_birth',
      by: 'county',
      passed: true,
    });
    await createFact(ctx, office, county, 'warning_notices', {
      id: 'w-df',
      unit: 't-dongfeng',
      issued_on: '2009-03-01',
      matter: '春季活动',
      deadline: '2009-03-31',
    });
    await createFact(ctx, office, county, 'warning_notices', {
      id: 'w-xs',
      unit: 't-xishan',
      issued_on: '2009-03-01',
      matter: '春季活动',
      deadline: '2009-03-31',
    });
    await createFact(ctx, office, county, 'warning_notices', {
      id: 'w-jy',
      unit: 'u-jiaoyu',
      issued_on: '2009-03-01',
      matter: '春季活动',
      deadline: '2009-03-31',
    });
    // Fines each place collects itself: 周干部 (东风镇) and 尤专干 (县教育局) named in incidents (4.3.1.8).
    await createFact(ctx, office, county, 'incidents', {
      kind: 'shielded_out_of_policy_birth',
      person: 'p-zhou',
      occurred_on: '2009-05-01',
    });
    await createFact(ctx, office, county, 'incidents', {
      kind: 'shielded_out_of_policy_birth',
      person: 'p-you',
      occurred_on: '2009-05-01',
    });
    await evaluateYear(ctx, office, county, 2009);
    clock.now = new Date(clock.now.getTime() + 60_000);
    evaluations[county === 'qingshui' ? 'a' : 'b'] = (
      await evaluateYear(ctx, office, county, 2009)
    ).receipt.id;
    const ab = county === 'qingshui' ? 'a' : 'b';
    decisions[ab] = (
      await confirmDecision(ctx, office, county, 2009, {
        evaluation_id: evaluations[ab],
        fines_due_on: '2010-03-31',
      })
    ).id;
  }
  for (const role of ROLES) {
    const u = await createUser(ctx, SYSTEM, {
      username: `m-${role}`,
      password: PASSWORD,
      role,
      county: role === 'admin' ? null : 'qingshui',
      unit: PLACE[role] ?? null,
    });
    users[role] = u;
    tokens[role] = (await createToken(ctx, u, 'matrix')).id;
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: `m-${role}`, password: PASSWORD },
    });
    const c = r.cookies.find((x) => x.name === 'zeren_session')!;
    cookies[role] = `zeren_session=${c.value}`;
  }
  const stranger = await createUser(ctx, SYSTEM, {
    username: 'm-stranger',
    password: PASSWORD,
    role: 'office',
    county: 'other',
  });
  otherToken = (await createToken(ctx, stranger, 'theirs')).id;

  // The object ids of each kind: in 东风镇 (the town user's), in 西山镇 (another town), and the unit's.
  const pick = async (table: string, where: Record<string, string>) => {
    let qb = (s.db as any).selectFrom(table).select('id').where('county_id', '=', 'qingshui');
    for (const [k, v] of Object.entries(where)) qb = qb.where(k, '=', v);
    return (await qb.executeTakeFirst())?.id as string | undefined;
  };
  ids.units = { town: 'v-hongxing', xishan: 'v-shangling', unit: 'u-jiaoyu' };
  ids.people = { town: 'p-zhang', xishan: 'p-wu', unit: 'p-zhu' };
  ids.posts = {
    town: await pick('posts', { person_id: 'p-zhang' }),
    xishan: await pick('posts', { person_id: 'p-wu' }),
    unit: await pick('posts', { person_id: 'p-zhu' }),
  };
  ids.links = {
    town: await pick('links', { person_id: 'p-sun' }),
    xishan: await pick('links', { person_id: 'p-chu' }),
    unit: await pick('links', { unit_id: 'u-jiaoyu' }),
  };
  ids.categories = {
    town: await pick('categories', { unit_id: 't-dongfeng' }),
    xishan: await pick('categories', { unit_id: 't-xishan' }),
  };
  ids.assessments = {
    town: await pick('assessments', { subject_id: 't-dongfeng', by: 'county' }),
    xishan: await pick('assessments', { subject_id: 't-xishan', by: 'county' }),
    unit: await pick('assessments', { subject_id: 'u-jiaoyu', kind: 'annual' }),
  };
  ids.acceptances = {
    town: await pick('acceptances', { unit_id: 'v-qiaotou' }),
    xishan: await pick('acceptances', { unit_id: 'v-shangling' }),
  };
  ids.warning_notices = { town: 'w-df', xishan: 'w-xs', unit: 'w-jy' };
  ids.incidents = { town: await pick('incidents', { person_id: 'p-he' }) };
  ids.obligations = {
    town: await pick('obligations', { subject_id: 'p-zhou', kind: 'fine' }),
    xishan: await pick('obligations', { subject_id: 'p-wu', kind: 'fine' }),
    unit: await pick('obligations', { subject_id: 'p-you', kind: 'fine' }),
  };
  const entryOf = async (obligation?: string) =>
    (
      await s.db
        .selectFrom('ledger_entries')
        .select('id')
        .where('obligation_id', '=', obligation ?? '')
        .executeTakeFirst()
    )?.id;
  ids.ledger_entries = {
    town: await entryOf(ids.obligations.town),
    xishan: await entryOf(ids.obligations.xishan),
    unit: await entryOf(ids.obligations.unit),
  };
  ids.personnel_actions = {
    town: await pick('personnel_actions', { subject_id: 'p-zhou' }),
    xishan: await pick('personnel_actions', { subject_id: 'p-wu' }),
    unit: await pick('personnel_actions', { subject_id: 'p-you' }),
  };
  ids.rosters = { town: 't-dongfeng', xishan: 't-xishan', unit: 'u-jiaoyu' };
  const inOther = async (table: 'obligations' | 'ledger_entries' | 'personnel_actions') =>
    (await (s.db as any).selectFrom(table).select('id').where('county_id', '=', 'other').executeTakeFirst())
      ?.id as string | undefined;
  for (const t of ['obligations', 'ledger_entries', 'personnel_actions'] as const)
    otherIds[t] = await inOther(t);
});

afterAll(async () => {
  await app.close();
  await s.drop();
});

/** A valid body for each write, so that a refusal can only come from the role or the jurisdiction. */
function bodyFor(method: string, route: string, seg?: string): unknown {
  if (method === 'GET' || method === 'DELETE') return undefined;
  if (route.endsWith('/close'))
    return seg === 'units' || seg === 'posts' || seg === 'links'
      ? { on: '2009-09-30' }
      : { reason: '授权矩阵测试' };
  if (route.endsWith('/case')) return example();
  if (route.endsWith('/evaluations')) return {};
  if (route.endsWith('/what-if')) return { interpretations: { I2: 'whole-town' } };
  if (route.endsWith('/decisions')) return { evaluation_id: evaluations.a, fines_due_on: '2010-03-31' };
  if (route.endsWith('/rosters/:unit')) return { people: [], posts: [], links: [] };
  if (route.endsWith('/town-packs/:unit'))
    return { packs: [{ pack: 'example-town-dongfeng', from_year: 2009 }] };
  if (route.endsWith('/return')) return { reasons: ['名单不全'] };
  if (route.endsWith('/accept')) return {};
  if (route.endsWith('/xlsx')) return Buffer.from('not a workbook');
  if (route.endsWith('/correction')) return { reported_on: '2009-04-01', note: '已整改' };
  if (route.endsWith('/verify') && route.includes('warning-notices')) return { verified_on: '2009-04-02' };
  if (/\/(collect|recover|pay)$/.test(route)) return { amount_fen: 100, receipt_no: 'M-1' };
  if (/\/(remit|refund|finance-refund)$/.test(route)) return { amount_fen: 100 };
  if (route.endsWith('/deduct')) return { amount_fen: 100, on: '2010-04-01' };
  if (route.endsWith('/reverse')) return { reason: '授权矩阵测试' };
  if (route.endsWith('/records'))
    return { outcome: 'adopted', authority: '县委组织部', decided_on: '2010-01-05' };
  if (route === '/api/v1/tokens') return { name: 'another' };
  if (route === '/api/v1/users')
    return {
      username: `new-${Math.random().toString(36).slice(2, 8)}`,
      password: PASSWORD,
      role: 'auditor',
      county: 'qingshui',
    };
  if (route === '/api/v1/users/:id') return { disabled: false };
  if (route === '/api/v1/counties')
    return { id: `c-${Math.random().toString(36).slice(2, 8)}`, name: '新县' };
  const creates: Record<string, unknown> = {
    units: {
      id: `v-${Math.random().toString(36).slice(2, 8)}`,
      kind: 'village',
      name: '新村',
      town: 't-dongfeng',
    },
    people: { id: `p-${Math.random().toString(36).slice(2, 8)}`, name: '新人' },
    posts: { person: 'p-sun', unit: 't-dongfeng', role: 'cadre', from: '2009-01-01' },
    links: { kind: 'stationed', person: 'p-sun', village: 'v-qiaotou' },
    categories: { unit: 'v-hongxing', fp_year: 2008, category: 3 },
    assessments: { fp_year: 2010, by: 'county', subject: 't-dongfeng', outcome: 'pass' },
    acceptances: {
      fp_year: 2009,
      unit: 't-dongfeng',
      kind: 'no_multi_child_birth',
      by: 'city',
      passed: true,
    },
    warning_notices: {
      id: `w-${Math.random().toString(36).slice(2, 8)}`,
      unit: 't-dongfeng',
      issued_on: '2009-05-01',
      matter: '新通知',
      deadline: '2009-05-31',
    },
    incidents: { kind: 'shielded_out_of_policy_birth', person: 'p-sun', occurred_on: '2009-05-01' },
  };
  const patches: Record<string, unknown> = {
    units: { name: '改名' },
    people: { name: '改名' },
    posts: { from: '2005-01-01' },
    links: { from: '2005-01-01' },
    categories: { category: 2 },
    assessments: { score: 90 },
    acceptances: { passed: true },
    warning_notices: { matter: '改' },
    incidents: { occurred_on: '2009-06-01' },
  };
  const kind = seg ? FACT_ROUTES[seg as keyof typeof FACT_ROUTES] : undefined;
  if (method === 'POST' && kind) return creates[kind];
  if (method === 'PATCH' && kind) return patches[kind];
  return {};
}

/** The URL of a route for a role and a target, or undefined when the role has no such object. */
function urlFor(route: string, role: UserRole, target: Target): string | undefined {
  const seg = /\/counties\/:county\/([a-z-]+)/.exec(route)?.[1];
  const county = target === 'other-county' ? 'other' : 'qingshui';
  let url = route.replace(':county', county).replace(':fpYear', '2009');
  if (url.includes(':unit'))
    url = url.replace(
      ':unit',
      target === 'other-town' ? 't-xishan' : role === 'unit' ? 'u-jiaoyu' : 't-dongfeng',
    );
  const byKind: Record<string, string> = {
    obligations: 'obligations',
    'ledger-entries': 'ledger_entries',
    'personnel-actions': 'personnel_actions',
  };
  const top = /^\/api\/v1\/([a-z-]+)\/:id/.exec(route)?.[1];
  if (top && byKind[top]) {
    const byPlace = ids[byKind[top]]!;
    // Another county's object: the same kind of object there (its own id).
    const id =
      target === 'other-town'
        ? byPlace.xishan
        : target === 'other-county'
          ? otherIds[byKind[top]]
          : role === 'unit'
            ? byPlace.unit
            : byPlace.town;
    return id ? withQuery(url.replace(':id', id), route) : undefined;
  }
  if (route.startsWith('/api/v1/decisions/:id'))
    return target === 'other-town'
      ? undefined
      : url.replace(':id', target === 'own' ? decisions.a : decisions.b);
  if (url.includes(':id')) {
    let id: string | undefined;
    // 责任体系 reads one unit or one person, as the facts routes do.
    const registry = /\/registry\/(units|people)\/:id/.exec(route)?.[1];
    if (registry || (seg && seg in FACT_ROUTES)) {
      const byPlace = ids[registry ?? FACT_ROUTES[seg as keyof typeof FACT_ROUTES]]!;
      id = target === 'other-town' ? byPlace.xishan : role === 'unit' ? byPlace.unit : byPlace.town;
    } else if (route.startsWith('/api/v1/evaluations'))
      // An evaluation is the county's; a town sees its own consequences in it (tested in the store suite).
      id = target === 'other-county' ? evaluations.b : target === 'own' ? evaluations.a : undefined;
    else if (route.startsWith('/api/v1/tokens')) id = target === 'own' ? tokens[role] : otherToken;
    else if (route.startsWith('/api/v1/users')) id = target === 'own' ? users.auditor!.id : undefined;
    if (!id) return undefined;
    url = url.replace(':id', id).replace(':token', tokens.auditor ?? '');
  } else if (target === 'other-town') return undefined;
  // A route with no county and no object in it has no "other" to try.
  if (target !== 'own' && !route.includes(':county') && !route.includes(':id')) return undefined;
  // Rosters name their unit: another town's is the other-town target; the rest have no other town.
  if (target === 'other-town' && !route.includes(':id') && !route.includes(':unit')) return undefined;
  return withQuery(url, route);
}

/** Query strings some routes need. */
function withQuery(url: string, route: string): string {
  if (route.endsWith('/restrictions')) return `${url}?on=2010-06-01`;
  return url;
}

describe('authorisation matrix', () => {
  it('declares every served route in the access table, and serves every declared route', () => {
    const declared = Object.keys(ACCESS);
    expect(served.filter((r) => !declared.includes(r))).toEqual([]);
    expect(declared.filter((r) => !served.includes(r))).toEqual([]);
  });

  it('refuses every non-public route to an anonymous caller', async () => {
    for (const key of Object.keys(ACCESS)) {
      const [method, route] = key.split(' ') as [string, string];
      const r = await app.inject({
        method: method as 'GET',
        url: route.replace(':county', 'qingshui').replace(':fpYear', '2009').replace(':id', 'x'),
        payload: bodyFor(method, route) as object,
      });
      if (ACCESS[key] === 'public') expect(r.statusCode, key).not.toBe(401);
      else expect(r.statusCode, key).toBe(401);
    }
  });

  for (const role of ROLES)
    it(`holds for role ${role}: allowed on its own objects, refused elsewhere`, async () => {
      const failures: string[] = [];
      for (const key of Object.keys(ACCESS)) {
        if (ACCESS[key] === 'public' || key === 'DELETE /api/v1/session') continue;
        const [method, route] = key.split(' ') as [string, string];
        const seg = /\/counties\/:county\/([a-z-]+)/.exec(route)?.[1];
        const may = allowed(ACCESS[key], role);
        for (const target of ['own', 'other-town', 'other-county'] as Target[]) {
          if (target === 'other-town' && role !== 'town') continue;
          // Incidents and unit-less kinds have no object of the unit user's own.
          const url = urlFor(route, role, target);
          if (!url) continue;
          const body = bodyFor(method, route, seg);
          const headers: Record<string, string> = {
            cookie: cookies[role]!,
            'idempotency-key': `matrix-${Math.random().toString(36).slice(2)}`,
          };
          if (Buffer.isBuffer(body))
            headers['content-type'] = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
          const r = await app.inject({ method: method as 'GET', url, headers, payload: body as object });
          const refused = [401, 403, 404].includes(r.statusCode);
          const globalAdmin =
            role === 'admin' && (route.startsWith('/api/v1/counties') || route.startsWith('/api/v1/users'));
          const want = may && (target === 'own' || globalAdmin) ? 'allowed' : 'refused';
          if (want === 'allowed' && (refused || r.statusCode >= 500))
            failures.push(`${key} ${target} → ${r.statusCode} ${r.body.slice(0, 120)}`);
          if (want === 'refused' && !refused)
            failures.push(`${key} ${target} → ${r.statusCode}, expected a refusal ${r.body.slice(0, 160)}`);
          if (!may && r.statusCode !== 403)
            failures.push(`${key} ${target} → ${r.statusCode}, expected 403 for a role not in the table`);
        }
      }
      expect(failures).toEqual([]);
    });
});

describe('the permission table keeps its invariants', () => {
  /** Calls a route as a role on its own objects, with a valid body. */
  const call = (key: string, role: UserRole) => {
    const [method, route] = key.split(' ') as [string, string];
    const url = urlFor(route, role, 'own');
    if (!url) return undefined;
    const body = bodyFor(method, route, /\/counties\/:county\/([a-z-]+)/.exec(route)?.[1]);
    const headers: Record<string, string> = {
      cookie: cookies[role]!,
      'idempotency-key': `inv-${Math.random().toString(36).slice(2)}`,
    };
    if (Buffer.isBuffer(body))
      headers['content-type'] = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return app.inject({ method: method as 'GET', url, headers, payload: body as object });
  };
  /** The audit trail's entries of writes: everything but the denied requests it also records. */
  const writesAudited = async () =>
    Number(
      (
        await s.db
          .selectFrom('audit_log')
          .select((e) => e.fn.countAll().as('n'))
          .where('action', '!=', 'request.denied')
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('an auditor never writes: every state-changing route refuses it, and the audit trail does not move', async () => {
    // A what-if computes another reading of the year and stores nothing; the own-account routes
    // (session, tokens, notifications) are every signed-in user's.
    const computes = ['POST /api/v1/counties/:county/years/:fpYear/what-if'];
    const writes = Object.keys(ACCESS).filter(
      (k) => !k.startsWith('GET ') && Array.isArray(ACCESS[k]) && !computes.includes(k),
    );
    expect(writes.length).toBeGreaterThan(30);
    const before = await writesAudited();
    const allowedWrites: string[] = [];
    for (const key of writes) {
      expect(allowed(ACCESS[key], 'auditor'), key).toBe(false);
      const r = await call(key, 'auditor');
      if (r && r.statusCode < 400) allowedWrites.push(`${key} → ${r.statusCode}`);
    }
    expect(allowedWrites).toEqual([]);
    expect(await writesAudited()).toBe(before);
  });

  it('finance never confirms a decision: not in the table, refused by the API and by the data layer', async () => {
    expect(can('finance', 'decisions.confirm')).toBe(false);
    const r = await call('POST /api/v1/counties/:county/years/:fpYear/decisions', 'finance');
    expect(r?.statusCode).toBe(403);
    const u = users.finance!;
    const scope = await scopeFor(s.db, {
      id: u.id,
      username: u.username,
      role: u.role,
      county_id: u.county,
      unit_id: u.unit,
    });
    await expect(
      confirmDecision(
        makeCtx(s.db, () => clock.now),
        scope,
        'qingshui',
        2009,
        {
          evaluation_id: evaluations.a,
          fines_due_on: '2010-03-31',
          supersedes: decisions.a,
          reason: '财政局不得确认',
        },
      ),
    ).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it("a town never reads another town: no answer it may read names 西山镇's villages, people or fines", async () => {
    // 西山镇's own: the town, its villages, the people holding posts there, its fines.
    const theirs = [
      't-xishan',
      'v-shangling',
      'v-xiaying',
      'p-wu',
      'p-chen',
      'p-chu',
      ids.obligations!.xishan!,
    ];
    const leaks: string[] = [];
    let read = 0;
    for (const key of Object.keys(ACCESS).filter((k) => k.startsWith('GET ') && Array.isArray(ACCESS[k]))) {
      if (!allowed(ACCESS[key], 'town')) continue;
      const r = await call(key, 'town');
      if (!r || r.statusCode !== 200 || !/json/.test(String(r.headers['content-type']))) continue;
      read++;
      // The test can fail: the town's own answers name the town itself.
      if (key.endsWith('/registry/tree')) expect(r.body).toContain('"t-dongfeng"');
      for (const id of theirs) if (r.body.includes(`"${id}"`)) leaks.push(`${key} names ${id}`);
    }
    expect(read).toBeGreaterThan(25);
    expect(leaks).toEqual([]);
  });
});
