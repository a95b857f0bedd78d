// In a real browser (Debian's chromium, headless): a page of this site at http://127.0.0.1 signs in
// and stays signed in (the loopback cookie is kept and sent back); under the application's
// Content-Security-Policy a module script from the site runs, antd-style CSS-in-JS (<style>
// elements and style attributes) and data: images work, while inline scripts and eval are
// blocked; the interactive API docs render under theirs with no violation reported.

import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS } from '../src/server/access.ts';
import { buildApp } from '../src/server/app.ts';
import { createTestStore, type TestStore } from '../src/store/testing.ts';
import { countyWithOffice } from './support/county-kit.ts';

const CHROMIUM = '/usr/bin/chromium';
const PASSWORD = 'browser password 1';

/** The page's script: signs in, asks who is signed in, then probes what the CSP allows. */
const PROBE = `
const out = { violations: [] };
document.addEventListener('securitypolicyviolation', (e) => out.violations.push(e.violatedDirective));
const login = await fetch('/api/v1/session', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'office1', password: '${PASSWORD}' }),
});
out.login = login.status;
const me = await fetch('/api/v1/session');
out.me = me.status;
out.user = me.ok ? (await me.json()).user.username : null;
out.cookieHiddenFromScript = !document.cookie.includes('zeren_session');
const style = document.createElement('style');
style.textContent = '#probe { color: rgb(1, 2, 3) }';
document.head.append(style);
const probe = document.createElement('div');
probe.id = 'probe';
probe.setAttribute('style', 'width: 7px');
document.body.append(probe);
out.styleElement = getComputedStyle(probe).color;
out.styleAttribute = getComputedStyle(probe).width;
out.dataImage = await new Promise((resolve) => {
  const img = new Image();
  img.onload = () => resolve('loaded');
  img.onerror = () => resolve('blocked');
  img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';
});
try { eval('1'); out.eval = 'ran'; } catch { out.eval = 'blocked'; }
out.inlineScript = window.inlineRan ? 'ran' : 'blocked';
await new Promise((r) => setTimeout(r, 50));
document.getElementById('result').textContent = JSON.stringify(out);
`;

const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>probe</title>
<script>window.inlineRan = true;</script>
<script type="module" src="/browser-probe/probe.js"></script></head>
<body><pre id="result">pending</pre></body></html>`;

let s: TestStore;
let app: FastifyInstance;
let base = '';

/** Loads a page in headless chromium; the DOM once it settles, and what the console said. */
function dumpDom(url: string): Promise<{ dom: string; log: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--enable-logging=stderr',
        '--v=0',
        '--virtual-time-budget=15000',
        `--user-data-dir=/tmp/zeren-chromium-${process.pid}-${Math.random().toString(36).slice(2)}`,
        '--dump-dom',
        url,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let dom = '';
    let log = '';
    child.stdout.on('data', (d) => {
      dom += d;
    });
    child.stderr.on('data', (d) => {
      log += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      resolve({ dom, log });
    });
  });
}

beforeAll(async () => {
  s = await createTestStore('sqlite');
  await countyWithOffice(s.db, PASSWORD);
  // A page of the site for the probe, public like the application's own pages (this file only).
  ACCESS['GET /browser-probe/page'] = 'public';
  ACCESS['GET /browser-probe/probe.js'] = 'public';
  app = await buildApp({
    db: s.db,
    plugins: [
      (a) => {
        a.get('/browser-probe/page', { schema: { hide: true } }, async (_req, reply) =>
          reply.type('text/html; charset=utf-8').send(PAGE),
        );
        a.get('/browser-probe/probe.js', { schema: { hide: true } }, async (_req, reply) =>
          reply.type('text/javascript; charset=utf-8').send(PROBE),
        );
      },
    ],
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app.close();
  await s.drop();
});

describe('in a real browser', () => {
  it('a page at http://127.0.0.1 signs in and stays signed in; the CSP lets the application work and blocks inline code', async () => {
    const { dom, log } = await dumpDom(`${base}/browser-probe/page`);
    const result = /<pre id="result">([^<]*)<\/pre>/.exec(dom)?.[1] ?? '';
    const out = JSON.parse(result.replace(/&quot;/g, '"'));
    expect(out).toMatchObject({
      login: 200,
      me: 200,
      user: 'office1',
      cookieHiddenFromScript: true,
      styleElement: 'rgb(1, 2, 3)',
      styleAttribute: '7px',
      dataImage: 'loaded',
      eval: 'blocked',
      inlineScript: 'blocked',
    });
    // eval, reported to the page; the inline script, refused before the page could listen, in the log
    // (which also shows that the docs test below would see a violation if there were one).
    expect(out.violations).toEqual(['script-src']);
    expect(log).toMatch(/violates the following Content Security Policy/);
  });

  it('the interactive API docs render under their policy, with no violation', async () => {
    const { dom, log } = await dumpDom(`${base}/api/docs/`);
    expect(dom).toContain('opblock-tag');
    // The operations come from the spec; swagger-ui renders only the first ones of its list.
    expect(dom).toContain('data-path="/api/v1/health"');
    expect(log).not.toMatch(/Content Security Policy|Refused to/);
    expect(log).not.toMatch(/CONSOLE.*(Uncaught|Error)/);
  });
});
