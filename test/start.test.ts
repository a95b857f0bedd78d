// `npm start` as a newcomer runs it: a fresh SQLite file, the demo seeded, the API answering, the
// browser application served at /, the demo accounts printed, and a clean stop on Ctrl-C (SIGINT).

import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFailed } from 'vitest';

describe('npm start', () => {
  it('seeds, serves, prints the URL and accounts, and stops cleanly on Ctrl-C', {
    timeout: 240_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zeren-start-'));
    const port = 3900 + Math.floor(Math.random() * 90);
    // Its own process group, as in a terminal: Ctrl-C signals every process of the group.
    const child = spawn('npm', ['start'], {
      detached: true,
      env: { ...process.env, ZEREN_DB: join(dir, 'z.db'), PORT: String(port), DATABASE_URL: '' },
    });
    // A failed expectation must not leave the server running.
    onTestFailed(() => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
    });
    const deadline = Date.now() + 200_000; // a first build of the bundle included
    while (!out.includes('Ctrl-C') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(out).toContain(`http://127.0.0.1:${port}`);
    expect(out).toMatch(/office\s+demo-office-2009/);
    const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
    expect(await health.json()).toMatchObject({ ok: true });
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'office', password: 'demo-office-2009' }),
    });
    expect(login.status).toBe(200);
    // The browser application at /, built on the way if it was missing or stale.
    expect(out).toContain(`http://127.0.0.1:${port}/`);
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="root"></div>');
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js"><\/script>/);
    const deep = await fetch(`http://127.0.0.1:${port}/rosters?year=2010`);
    expect(deep.status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/api/v1/nothing`)).status).toBe(404);
    // npm itself dies of the signal, as in a terminal; the server closes and exits on its own, and
    // the output pipe ends when the last process holding it is gone.
    const ended = new Promise<void>((resolve) => child.stdout.on('end', () => resolve()));
    process.kill(-child.pid!, 'SIGINT');
    await ended;
    expect(out).toContain('正在停止');
    await expect(fetch(`http://127.0.0.1:${port}/api/v1/health`)).rejects.toThrow();
  });
});
