// When the database cannot answer for now: PostgreSQL gone away (its connections terminated, the
// server restarting or unreachable) or an SQLite file whose write lock another process holds past
// the busy timeout. The API answers these 503 with Retry-After, never 500; the CLI retries them.

const PG_GONE = new Set([
  '57P01', // admin_shutdown (pg_terminate_backend, a fast shutdown)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, recovering)
  '53300', // too_many_connections
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
const NET_GONE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
]);
const PG_GONE_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error and is not queryable/,
  /Client was closed and is not queryable/,
];

export type Unavailability = 'database_unavailable' | 'database_busy';

/** Why the database cannot answer now, or undefined when the error is something else. */
export function unavailability(err: unknown): Unavailability | undefined {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string') {
      if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'database_busy';
      if (PG_GONE.has(code) || NET_GONE.has(code)) return 'database_unavailable';
    }
    if (typeof message === 'string' && PG_GONE_MESSAGES.some((m) => m.test(message)))
      return 'database_unavailable';
    // AggregateError (several addresses refused) and wrapped causes.
    const inner = (e as { errors?: unknown[] }).errors;
    if (Array.isArray(inner) && inner.some((x) => unavailability(x)))
      return unavailability(inner.find((x) => unavailability(x)));
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export const UNAVAILABLE_MESSAGE: Record<Unavailability, { zh: string; en: string; retryAfter: number }> = {
  database_unavailable: {
    zh: '数据库暂时无法连接，请稍后重试',
    en: 'the database cannot be reached for now; try again shortly',
    retryAfter: 5,
  },
  database_busy: {
    zh: '数据库正忙（另一程序正在写入），请稍后重试',
    en: 'the database is busy (another program is writing); try again shortly',
    retryAfter: 1,
  },
};

/** Runs `f`, again after a pause while the database is busy or away, up to `attempts` times. */
export async function retrying<T>(
  f: () => Promise<T>,
  {
    attempts = 10,
    pauseMs = 500,
    onRetry,
  }: { attempts?: number; pauseMs?: number; onRetry?: (e: unknown, n: number) => void } = {},
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await f();
    } catch (e) {
      if (n >= attempts || !unavailability(e)) throw e;
      onRetry?.(e, n);
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  }
}
