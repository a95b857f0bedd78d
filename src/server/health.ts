// Health for a county IT officer's monitor: `GET /api/v1/health` says the process answers (no
// database, no disk); `GET /api/v1/health/ready` says it can do its work: the database answers a
// query, and the data folder takes a write and has room (ZEREN_MIN_FREE_MB, default 100). Not
// ready is 503 with what failed, in Chinese and English.

import { randomUUID } from 'node:crypto';
import { statfs, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { ENGINE_VERSION } from '../engine/engine.ts';
import type { Db } from '../store/schema.ts';
import { unavailability } from '../store/unavailable.ts';

export interface Readiness {
  /** The folder whose disk the store writes (the SQLite file's folder; the working folder on PostgreSQL). */
  dir: string;
  /** Less free space than this is not ready. */
  minFreeBytes: number;
}

export function readinessFromEnv(dir: string, env: NodeJS.ProcessEnv = process.env): Readiness {
  const mb = Number(env.ZEREN_MIN_FREE_MB);
  return {
    dir,
    minFreeBytes: (env.ZEREN_MIN_FREE_MB && Number.isFinite(mb) && mb >= 0 ? mb : 100) * 1024 * 1024,
  };
}

interface Check {
  ok: boolean;
  ms: number;
  zh?: string;
  en?: string;
  free_bytes?: number;
}

const Checked = Type.Object({
  ok: Type.Boolean(),
  ms: Type.Number({ description: 'how long the check took, in milliseconds' }),
  zh: Type.Optional(Type.String()),
  en: Type.Optional(Type.String()),
  free_bytes: Type.Optional(Type.Number()),
});
const Ready = Type.Object({ ok: Type.Boolean(), database: Checked, disk: Checked });

async function timed(f: () => Promise<Omit<Check, 'ms'>>): Promise<Check> {
  const t = performance.now();
  const r = await f();
  return { ...r, ms: Math.round((performance.now() - t) * 10) / 10 };
}

async function database(db: Db): Promise<Omit<Check, 'ms'>> {
  try {
    await sql`select 1`.execute(db);
    return { ok: true };
  } catch (e) {
    const away = unavailability(e);
    return {
      ok: false,
      zh: away === 'database_busy' ? '数据库正忙' : `数据库无法查询：${(e as Error).message}`,
      en:
        away === 'database_busy'
          ? 'the database is busy'
          : `the database cannot be queried: ${(e as Error).message}`,
    };
  }
}

async function disk(r: Readiness): Promise<Omit<Check, 'ms'>> {
  const probe = join(r.dir, `.zeren-ready-${randomUUID()}`);
  try {
    await writeFile(probe, 'ready', { flush: true });
    await unlink(probe);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return {
      ok: false,
      zh: `数据目录 ${r.dir} 无法写入（${code}）`,
      en: `the data folder ${r.dir} cannot be written (${code})`,
    };
  }
  const s = await statfs(r.dir);
  const free = s.bavail * s.bsize;
  if (free < r.minFreeBytes)
    return {
      ok: false,
      free_bytes: free,
      zh: `数据目录所在磁盘剩余空间不足：${Math.floor(free / 1048576)} MB，至少需要 ${Math.ceil(r.minFreeBytes / 1048576)} MB`,
      en: `the disk of the data folder has ${Math.floor(free / 1048576)} MB free, less than ${Math.ceil(r.minFreeBytes / 1048576)} MB`,
    };
  return { ok: true, free_bytes: free };
}

export function healthRoutes(app: FastifyInstance, db: Db, readiness: Readiness): void {
  const tags = ['meta'];
  app.get(
    '/api/v1/health',
    {
      schema: {
        tags,
        summary: 'is the process up (touches neither the database nor the disk)',
        response: { 200: Type.Object({ ok: Type.Boolean(), engine: Type.String() }) },
      },
    },
    async () => ({ ok: true, engine: ENGINE_VERSION }),
  );
  app.get(
    '/api/v1/health/ready',
    {
      schema: {
        tags,
        summary: 'can it work: the database answers, the data folder takes a write and has room',
        response: { 200: Ready, 503: Ready },
      },
    },
    async (_req, reply) => {
      const [d, k] = await Promise.all([timed(() => database(db)), timed(() => disk(readiness))]);
      const ok = d.ok && k.ok;
      if (!ok) reply.status(503).header('retry-after', '5');
      return { ok, database: d, disk: k };
    },
  );
}
