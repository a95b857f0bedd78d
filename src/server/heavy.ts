// Heavy work is let through a few at a time. Evaluations, what-ifs, whole-case imports and
// exports, rankings, verifications, Excel and Word run at most ZEREN_HEAVY_CONCURRENCY (default
// 2) at once; the rest wait their turn in order (at most ZEREN_HEAVY_QUEUE, default 1000; beyond
// that 503 with Retry-After). Each turn starts on a fresh turn of the event loop, so requests
// that arrived meanwhile (a health probe, a page of a list) are read and answered between them.

import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors.ts';

/** Whether a route (as registered, `METHOD /url`) is heavy. */
export function isHeavy(method: string, url: string): boolean {
  if (/\.(xlsx|docx)$/.test(url) || url.endsWith('/xlsx')) return true;
  if (/\/evaluations(\/:id\/(verify|diff))?$/.test(url) && (method === 'POST' || url.includes(':id/')))
    return true;
  if (/\/years\/:fpYear\/(case|what-if|rankings)$/.test(url)) return true;
  if (url.startsWith('/api/v1/uploads') && method !== 'GET') return true;
  return false;
}

export interface Gate {
  running: number;
  waiting: number;
}

export function installHeavyGate(
  app: FastifyInstance,
  { concurrency, queue }: { concurrency: number; queue: number },
): Gate {
  const gate: Gate = { running: 0, waiting: 0 };
  const waiters: (() => void)[] = [];
  const holding = new WeakSet<object>();
  const release = async (req: object) => {
    if (!holding.delete(req)) return;
    gate.running--;
    const next = waiters.shift();
    if (next) {
      gate.waiting--;
      gate.running++;
      setImmediate(next);
    }
  };
  app.addHook('preHandler', async (req, reply) => {
    if (!isHeavy(req.method, req.routeOptions.url ?? '')) return;
    holding.add(req);
    if (gate.running < concurrency) {
      gate.running++;
      await new Promise((r) => setImmediate(r));
      return;
    }
    if (gate.waiting >= queue) {
      holding.delete(req);
      reply.header('retry-after', '2');
      throw new HttpError(
        503,
        'server_busy',
        '服务器正忙，请稍后重试',
        'the server is busy; try again shortly',
      );
    }
    gate.waiting++;
    await new Promise<void>((r) => waiters.push(r));
  });
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', release);
  return gate;
}

export function heavyFromEnv(env: NodeJS.ProcessEnv = process.env) {
  const n = (v: string | undefined, d: number) =>
    v && Number.isInteger(Number(v)) && Number(v) > 0 ? Number(v) : d;
  return { concurrency: n(env.ZEREN_HEAVY_CONCURRENCY, 2), queue: n(env.ZEREN_HEAVY_QUEUE, 1000) };
}
