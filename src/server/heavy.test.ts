// The heavy-route gate: which routes count as heavy, at most `concurrency` of them run at once,
// the rest wait in order, and past the queue the answer is 503 with the reason in both languages.

import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { ACCESS } from './access.ts';
import { installErrorHandler } from './errors.ts';
import { installHeavyGate, isHeavy } from './heavy.ts';

describe('heavy routes', () => {
  it('are the evaluations, what-ifs, whole cases, rankings, uploads and Office files', () => {
    const heavy = Object.keys(ACCESS)
      .map((k) => k.split(' ') as [string, string])
      .filter(([m, u]) => isHeavy(m, u))
      .map(([m, u]) => `${m} ${u}`);
    expect(heavy).toContain('POST /api/v1/counties/:county/years/:fpYear/evaluations');
    expect(heavy).toContain('POST /api/v1/counties/:county/years/:fpYear/what-if');
    expect(heavy).toContain('PUT /api/v1/counties/:county/years/:fpYear/case');
    expect(heavy).toContain('GET /api/v1/decisions/:id/document.docx');
    expect(heavy).toContain('GET /api/v1/counties/:county/years/:fpYear/reports/overdue.xlsx');
    expect(heavy).not.toContain('GET /api/v1/counties/:county/years/:fpYear/evaluations');
    expect(heavy).not.toContain('GET /api/v1/health');
    expect(heavy).not.toContain('GET /api/v1/session');
  });

  it('runs at most `concurrency` at once, the rest in order, and refuses past the queue', async () => {
    const app = Fastify();
    installErrorHandler(app);
    installHeavyGate(app, { concurrency: 2, queue: 3 });
    let now = 0;
    let most = 0;
    const order: number[] = [];
    app.post('/c/:county/years/:fpYear/what-if', async (req) => {
      now++;
      most = Math.max(most, now);
      await new Promise((r) => setTimeout(r, 30));
      now--;
      order.push(Number((req.query as { n: string }).n));
      return { ok: true };
    });
    app.get('/api/v1/health', async () => ({ ok: true }));
    await app.ready();
    const calls = Array.from({ length: 6 }, (_, n) =>
      app.inject({ method: 'POST', url: `/c/x/years/2009/what-if?n=${n}`, payload: {} }),
    );
    const health = await app.inject({ url: '/api/v1/health' });
    expect(health.statusCode).toBe(200);
    const answers = await Promise.all(calls);
    expect(most).toBe(2);
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(5);
    const refused = answers.find((a) => a.statusCode === 503)!;
    expect(refused.json().error).toMatchObject({ code: 'server_busy' });
    expect(refused.headers['retry-after']).toBe('2');
    expect(order.slice(2)).toEqual([...order.slice(2)].sort((a, b) => a - b));
    await app.close();
  });
});
