// Stopping without dropping requests. On the first SIGTERM (or Ctrl-C) the server stops accepting
// connections but keeps reading those it has: a request already sent on one is answered (with
// `Connection: close`), and once nothing has been in flight for a moment the app and the store are
// closed and the process exits 0. A client that stalls (an upload that never finishes) does not
// keep it alive: after ZEREN_SHUTDOWN_SECONDS (default 10) every connection is cut and it exits 1.
// A second signal exits at once.

import net from 'node:net';
import type { FastifyInstance } from 'fastify';

export interface ShutdownOptions {
  /** The bound on a graceful stop, in seconds. */
  seconds: number;
  /** Closes what the app does not (the store). */
  close: () => Promise<void>;
  say: (line: string) => void;
  exit: (code: number) => void;
  /** How long nothing may be in flight before the stop completes (reads still buffered get parsed). */
  quietMs?: number;
}

export function shutdownSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.ZEREN_SHUTDOWN_SECONDS);
  return env.ZEREN_SHUTDOWN_SECONDS && Number.isFinite(n) && n >= 0 ? n : 10;
}

declare module 'fastify' {
  interface FastifyInstance {
    lifecycle: { inFlight: number; stopping: boolean };
  }
}

/** Counts requests in flight and answers `Connection: close` once stopping (buildApp installs it). */
export function trackRequests(app: FastifyInstance): void {
  const state = { inFlight: 0, stopping: false };
  app.decorate('lifecycle', state);
  const open = new WeakSet<object>();
  const done = async (req: object) => {
    if (open.delete(req)) state.inFlight--;
  };
  app.addHook('onRequest', async (req) => {
    open.add(req);
    state.inFlight++;
  });
  app.addHook('onResponse', done);
  app.addHook('onRequestAbort', done);
  app.addHook('onSend', async (_req, reply) => {
    if (state.stopping) reply.header('connection', 'close');
  });
}

/** `stop(signal)`: the first drains and exits, a second exits at once. */
export function installShutdown(app: FastifyInstance, opts: ShutdownOptions): (signal: string) => void {
  const state = app.lifecycle;
  return (signal: string) => {
    if (state.stopping) {
      opts.say(`再次收到 ${signal}，立即退出 / ${signal} again: exiting now`);
      opts.exit(1);
      return;
    }
    state.stopping = true;
    opts.say(
      `收到 ${signal}，正在停止（处理完进行中的请求，最多 ${opts.seconds} 秒）… / stopping: finishing requests in flight (at most ${opts.seconds} s)…`,
    );
    // Stop accepting without closing the connections already accepted (http.Server.close would
    // drop the idle-looking ones whose requests are still unread).
    net.Server.prototype.close.call(app.server);
    const deadline = setTimeout(() => {
      opts.say(
        `${opts.seconds} 秒内未处理完，强制退出 / requests still open after ${opts.seconds} s: exiting`,
      );
      app.server.closeAllConnections();
      void opts.close().finally(() => opts.exit(1));
    }, opts.seconds * 1000);
    const quiet = opts.quietMs ?? 300;
    let quietSince = Date.now();
    const poll = setInterval(() => {
      if (state.inFlight > 0) quietSince = Date.now();
      else if (Date.now() - quietSince >= quiet) {
        clearInterval(poll);
        app.server.closeIdleConnections();
        void app
          .close()
          .then(opts.close)
          .then(
            () => {
              clearTimeout(deadline);
              opts.say('已停止 / stopped');
              opts.exit(0);
            },
            () => opts.exit(1),
          );
      }
    }, 50);
  };
}
