// Serving on a county intranet: HTTPS directly (certificate and key from settings) with a
// `__Host-` Secure cookie; behind a configured reverse proxy, refusing what did not come over
// HTTPS; plain http only on a loopback address (where the cookie must not be Secure, or the
// browser drops it), or when explicitly told, with a warning; anything else refuses to start.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { DeployError, deploymentFromEnv } from '../src/server/deploy.ts';
import { createTestStore, type TestStore } from '../src/store/testing.ts';
import { countyWithOffice } from './support/county-kit.ts';

const PASSWORD = 'deploy password 1';
const dir = mkdtempSync(join(tmpdir(), 'zeren-deploy-'));
const cert = join(dir, 'cert.pem');
const key = join(dir, 'key.pem');

let s: TestStore;
beforeAll(async () => {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'ignore' },
  );
  s = await createTestStore('sqlite');
  await countyWithOffice(s.db, PASSWORD);
});
afterAll(async () => s.drop());

describe('the settings', () => {
  const refused = (env: NodeJS.ProcessEnv) => {
    try {
      deploymentFromEnv(env);
    } catch (e) {
      if (e instanceof DeployError) return e;
      throw e;
    }
    return undefined;
  };

  it('serve plain http on a loopback address, and refuse it on the network unless told to, with a warning', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', undefined])
      expect(deploymentFromEnv({ HOST: host })).toMatchObject({ requireHttps: false, warnings: [] });
    for (const host of ['0.0.0.0', '::', '192.168.1.10']) {
      const e = refused({ HOST: host });
      expect(e?.zh).toContain('拒绝在非本机地址');
      expect(e?.en).toContain('ZEREN_ALLOW_INSECURE_HTTP=1');
    }
    const insecure = deploymentFromEnv({ HOST: '0.0.0.0', ZEREN_ALLOW_INSECURE_HTTP: '1' });
    expect(insecure.warnings.join('\n')).toMatch(/警告.*密码[\s\S]*WARNING.*passwords/);
  });

  it('serve HTTPS from a certificate and key, and plain http behind a named proxy that must say HTTPS', () => {
    const tls = deploymentFromEnv({ HOST: '0.0.0.0', ZEREN_TLS_CERT: cert, ZEREN_TLS_KEY: key });
    expect(tls.https?.cert.toString()).toContain('BEGIN CERTIFICATE');
    expect(refused({ ZEREN_TLS_CERT: cert })?.en).toContain('set both');
    expect(refused({ ZEREN_TLS_CERT: join(dir, 'none.pem'), ZEREN_TLS_KEY: key })?.en).toContain(
      'cannot read',
    );
    expect(deploymentFromEnv({ HOST: '10.0.0.5', ZEREN_TRUST_PROXY: '10.0.0.1, 10.0.1.0/24' })).toMatchObject(
      {
        trustProxy: '10.0.0.1,10.0.1.0/24',
        requireHttps: true,
      },
    );
    // Trusting every sender, or a hop count, is what let anyone write the address: refused.
    for (const bad of ['true', '*', '1', '10.0.0.1/99', 'proxy.local'])
      expect(refused({ ZEREN_TRUST_PROXY: bad })?.en, bad).toContain('ZEREN_TRUST_PROXY');
  });

  it('make `npm start` refuse a non-loopback plain-http address before it touches the store', () => {
    const db = join(dir, 'never.db');
    const r = spawnSync('npx', ['tsx', 'src/server/start.ts'], {
      env: { ...process.env, HOST: '0.0.0.0', PORT: '0', ZEREN_DB: db, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('拒绝在非本机地址 0.0.0.0 上以明文 http 启动');
    expect(r.stderr).toContain('refusing to serve plain http');
    expect(existsSync(db)).toBe(false);
  });
});

/** An HTTPS request trusting only the test certificate. */
function httpsCall(
  port: number,
  opts: { method?: string; path: string; body?: unknown; cookie?: string },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: opts.path,
        method: opts.method ?? 'GET',
        ca: readFileSync(cert),
        servername: 'localhost',
        headers: {
          ...(payload && { 'content-type': 'application/json' }),
          ...(opts.cookie && { cookie: opts.cookie }),
        },
      },
      (res) => {
        let body = '';
        res.on('data', (d) => {
          body += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe('HTTPS served directly', () => {
  it('sets a __Host- Secure cookie, sends HSTS, and ignores a cookie of the plain-http name', async () => {
    const app = await buildApp({ db: s.db, https: { cert: readFileSync(cert), key: readFileSync(key) } });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.server.address() as AddressInfo).port;
    try {
      const r = await httpsCall(port, {
        method: 'POST',
        path: '/api/v1/session',
        body: { username: 'office1', password: PASSWORD },
      });
      expect(r.status).toBe(200);
      const cookies = [r.headers['set-cookie'] ?? []].flat();
      const session = cookies.find((c) => c.startsWith('__Host-zeren_session='))!;
      expect(session).toMatch(/; Secure/);
      expect(session).toMatch(/; Path=\//);
      expect(session).not.toMatch(/Domain=/i);
      expect(session).toMatch(/; HttpOnly/);
      expect(session).toMatch(/; SameSite=Strict/);
      expect(r.headers['strict-transport-security']).toBe('max-age=31536000');
      const value = session.split(';')[0]!.split('=').slice(1).join('=');
      expect(
        (await httpsCall(port, { path: '/api/v1/session', cookie: `__Host-zeren_session=${value}` })).status,
      ).toBe(200);
      // A cookie planted under the plain-http name (e.g. over http on the network) is not read.
      expect(
        (await httpsCall(port, { path: '/api/v1/session', cookie: `zeren_session=${value}` })).status,
      ).toBe(401);
    } finally {
      await app.close();
    }
  });
});

describe('behind a configured reverse proxy', () => {
  it('takes HTTPS from the proxy only, and refuses what did not come over HTTPS', async () => {
    const app = await buildApp({ db: s.db, trustProxy: '10.0.0.1', requireHttps: true });
    try {
      const signIn = (remoteAddress: string, proto?: string) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/session',
          payload: { username: 'office1', password: PASSWORD },
          remoteAddress,
          headers: proto ? { 'x-forwarded-proto': proto } : {},
        });
      const viaProxy = await signIn('10.0.0.1', 'https');
      expect(viaProxy.statusCode).toBe(200);
      const c = viaProxy.cookies.find((x) => x.name === '__Host-zeren_session');
      expect(c).toMatchObject({ secure: true, httpOnly: true, path: '/' });
      for (const [from, proto] of [
        ['10.0.0.1', 'http'],
        ['10.0.0.1', undefined],
        ['10.0.0.9', 'https'], // not the proxy: its X-Forwarded-Proto is not believed
      ] as const) {
        const r = await signIn(from, proto);
        expect(r.statusCode, `${from} ${proto}`).toBe(403);
        expect(r.json().error.code).toBe('https_required');
      }
      expect((await app.inject({ url: '/api/v1/health', remoteAddress: '10.0.0.7' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('plain http on a loopback address', () => {
  it('sets a cookie without Secure, which a browser keeps over http://127.0.0.1', async () => {
    const app = await buildApp({ db: s.db });
    try {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: 'office1', password: PASSWORD },
      });
      const c = r.cookies.find((x) => x.name === 'zeren_session');
      expect(c).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      expect(c?.secure).toBeFalsy();
      expect(r.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
