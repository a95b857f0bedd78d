// `npm start` as a newcomer runs it: a fresh SQLite file, the demo seeded, the API answering, the
// demo accounts printed, and a clean stop on Ctrl-C (SIGINT).

import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm start', () => {
  it('seeds, serves, prints the URL and accounts, and stops cleanly on Ctrl-C', {
    timeout: 120_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zeren-start-'));
    const port = 3900 + Math.floor(Math.random() * 90);
    // Its own process group, as in a terminal: Ctrl-C signals every process of the group.
    const child = spawn('npm', ['start'], {
      detached: true,
      env: { ...process.env, ZEREN_DB: join(dir, 'z.db'), PORT: String(port), DATABASE_URL: '' },
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
    });
    const deadline = Date.now() + 90_000;
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
    // npm itself dies of the signal, as in a terminal; the server closes and exits on its own, and
    // the output pipe ends when the last process holding it is gone.
    const ended = new Promise<void>((resolve) => child.stdout.on('end', () => resolve()));
    process.kill(-child.pid!, 'SIGINT');
    await ended;
    expect(out).toContain('正在停止');
    await expect(fetch(`http://127.0.0.1:${port}/api/v1/health`)).rejects.toThrow();
  });
});
