// The browser test harness: the server on a free port over a temporary SQLite store holding the
// demo county (src/demo/seed.ts), the bundle built if stale, Debian's Chromium driven by
// playwright-core (never a downloaded browser), signing in as a role, axe-core checks and
// screenshots at 1366×768. One harness per test file; each test opens its own browser context.
//
//   const e = await startE2E();            // beforeAll
//   const { page } = await e.page();       // a fresh context (no cookies) at 1366×768
//   await e.signIn(page, 'town');
//   expect(await e.axe(page)).toEqual([]); // no serious or critical violation
//   await e.close();                       // afterAll

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { makeCtx } from '../../src/compose.ts';
import { DEMO_COUNTY, type DemoAccount, seedDemo } from '../../src/demo/seed.ts';
import { buildApp } from '../../src/server/app.ts';
import { ensureWebBuilt } from '../../src/server/web-build.ts';
import type { Ctx } from '../../src/store/ctx.ts';
import type { UserRole } from '../../src/store/scope.ts';
import { createTestStore, type TestStore } from '../../src/store/testing.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const VIEWPORT = { width: 1366, height: 768 };
export const OUT = new URL('./out/', import.meta.url).pathname;

export interface Opened {
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught exceptions and refused resources (CSP) seen on the page. */
  problems: string[];
}

export interface E2E {
  url: string;
  county: string;
  ctx: Ctx;
  store: TestStore;
  app: FastifyInstance;
  browser: Browser;
  accounts: DemoAccount[];
  /** Moves the server's clock forward (session expiry). */
  advance(ms: number): void;
  page(): Promise<Opened>;
  signIn(page: Page, role: UserRole): Promise<void>;
  /** Serious and critical axe-core violations on the page as it is (rule id: nodes). */
  axe(page: Page): Promise<string[]>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export interface E2EOptions {
  /** The server's clock at start (it runs on from there); default: real time. */
  now?: string;
}

export async function startE2E(opts: E2EOptions = {}): Promise<E2E> {
  await ensureWebBuilt();
  const store = await createTestStore('sqlite');
  const started = Date.now();
  let offset = opts.now ? Date.parse(opts.now) - started : 0;
  const now = () => new Date(Date.now() + offset);
  const ctx: Ctx = makeCtx(store.db, now);
  const accounts = await seedDemo(ctx);
  const app = await buildApp({ db: store.db, now });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const contexts: BrowserContext[] = [];

  const e: E2E = {
    url,
    county: DEMO_COUNTY,
    ctx,
    store,
    app,
    browser,
    accounts,
    advance: (ms) => {
      offset += ms;
    },
    async page() {
      const context = await browser.newContext({
        viewport: VIEWPORT,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        baseURL: url,
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      return { context, page, problems };
    },
    async signIn(page, role) {
      const a = accounts.find((x) => x.role === role);
      if (!a) throw new Error(`no demo account for ${role}`);
      if (!page.url().includes('/sign-in')) await page.goto('/sign-in');
      await page.getByLabel('用户名').fill(a.username);
      await page.getByLabel('密码').fill(a.password);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByTestId('who').waitFor();
    },
    async axe(page) {
      // Colours are judged once drawers and messages have finished fading in.
      await settled(page);
      const r = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    },
    async screenshot(page, name) {
      await settled(page);
      mkdirSync(join(OUT, 'screenshots'), { recursive: true });
      const path = join(OUT, 'screenshots', `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await app.close();
      await store.drop();
    },
  };
  return e;
}

/** Adds figures to test/e2e/out/metrics.json (bundle size, time to the first usable screen). */
export function recordMetrics(figures: Record<string, unknown>): void {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, 'metrics.json');
  let old: Record<string, unknown> = {};
  try {
    old = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // the first figure of the run
  }
  writeFileSync(file, `${JSON.stringify({ ...old, ...figures }, null, 2)}\n`);
}

/** What the page's document says of its animations (the root project has no DOM library). */
interface Animated {
  document: {
    getAnimations(): { playState: string; effect: { getTiming(): { iterations?: number } } | null }[];
  };
}

/** Waits until no CSS animation or transition runs on the page (antd's drawers and messages fade). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    (globalThis as unknown as Animated).document
      .getAnimations()
      .every(
        (a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY,
      ),
  );
}
