// Serving the browser application: the page, hashed assets with a long cache, the page again for
// the application's own paths, JSON 404s kept for /api/*, nothing outside web/dist; and the
// build stamp that says when the bundle is stale.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandler } from './errors.ts';
import { PAGE_CSP, webRoutes } from './web.ts';
import { webBuildState, webInputs, webSourceHash } from './web-build.ts';

const dir = mkdtempSync(join(tmpdir(), 'zeren-web-'));
const dist = join(dir, 'dist');
let app: FastifyInstance;
let empty: FastifyInstance;

beforeAll(async () => {
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(dist, 'assets/index-Ab12.js'), 'console.log(1)');
  writeFileSync(join(dist, 'favicon.svg'), '<svg/>');
  writeFileSync(join(dir, 'secret.txt'), 'outside');
  const make = async (root: string) => {
    const a = Fastify();
    installErrorHandler(a);
    webRoutes(a, root);
    await a.ready();
    return a;
  };
  app = await make(dist);
  empty = await make(join(dir, 'nothing'));
});
afterAll(async () => {
  await app.close();
  await empty.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('serving web/dist', () => {
  it('serves the page at / uncached, under a policy that allows only this origin’s scripts', async () => {
    const r = await app.inject('/');
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('id="root"');
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.headers['content-security-policy']).toBe(PAGE_CSP);
    expect(PAGE_CSP).toContain("script-src 'self';");
    expect(PAGE_CSP).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('serves hashed assets for a year, other files uncached', async () => {
    const js = await app.inject('/assets/index-Ab12.js');
    expect(js.statusCode).toBe(200);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.headers['content-type']).toMatch(/javascript/);
    const icon = await app.inject('/favicon.svg');
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('answers the application’s own paths with the page, so a reload or a bookmark works', async () => {
    for (const path of ['/home', '/rosters/t-dongfeng', '/sign-in?next=%2Fhome']) {
      const r = await app.inject(path);
      expect(r.statusCode, path).toBe(200);
      expect(r.body, path).toContain('id="root"');
      expect(r.headers['cache-control'], path).toBe('no-cache');
    }
  });

  it('keeps JSON 404s for /api/* and for missing files', async () => {
    for (const path of ['/api/v1/nothing-here', '/api', '/assets/gone-1234.js', '/missing.png']) {
      const r = await app.inject(path);
      expect(r.statusCode, path).toBe(404);
      expect(r.json().error.code, path).toBe('not_found');
    }
  });

  it('serves nothing outside web/dist', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const r = await app.inject(path);
      expect(r.body, path).not.toContain('outside');
    }
  });

  it('says in Chinese how to build the bundle when it is missing', async () => {
    const r = await empty.inject('/home');
    expect(r.statusCode).toBe(503);
    expect(r.body).toContain('npm run web:build');
    expect(r.body).toContain('浏览器界面尚未构建');
  });
});

describe('the build stamp', () => {
  const root = mkdtempSync(join(tmpdir(), 'zeren-webroot-'));
  const put = (f: string, text: string) => {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), text);
  };
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('hashes the web sources, the shared domain code, the build configuration and the lockfile', () => {
    put('web/src/main.tsx', 'a');
    put('web/src/lib/format.test.ts', 'test');
    put('web/src/api/schema.d.ts', 'generated');
    put('web/vite.config.ts', 'config');
    put('src/domain/money.ts', 'money');
    put('src/server/app.ts', 'server');
    put('package-lock.json', '{}');
    expect(webInputs(root)).toEqual([
      'package-lock.json',
      'src/domain/money.ts',
      'web/src/main.tsx',
      'web/vite.config.ts',
    ]);
  });

  it('changes with a source, not with a test or the server', () => {
    const before = webSourceHash(root);
    put('web/src/lib/format.test.ts', 'another test');
    put('src/server/app.ts', 'another server');
    expect(webSourceHash(root)).toBe(before);
    put('src/domain/money.ts', 'money changed');
    expect(webSourceHash(root)).not.toBe(before);
  });

  it('reads missing, stale and fresh from the stamp beside the bundle', () => {
    const out = join(root, 'web/dist');
    expect(webBuildState(out, 'h1')).toBe('missing');
    put('web/dist/index.html', 'page');
    expect(webBuildState(out, 'h1')).toBe('stale');
    put('web/dist/.stamp', 'h1\n');
    expect(webBuildState(out, 'h1')).toBe('fresh');
    expect(webBuildState(out, 'h2')).toBe('stale');
  });
});
