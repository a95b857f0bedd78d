// The API as a Fastify app: external plugins (cookies, OpenAPI, docs), then authentication and
// the access table, then the routes. Built around a store and a clock, so tests inject both.
// X-Forwarded-* headers are believed only from the proxies named in `trustProxy`
// (ZEREN_TRUST_PROXY); every response carries the security headers of headers.ts; no response
// grants CORS. Every 5xx is logged (level "error" unless told otherwise).

import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { makeCtx } from '../compose.ts';
import { ENGINE_VERSION } from '../engine/engine.ts';
import type { Ctx } from '../store/ctx.ts';
import { type AuthConfig, DEFAULT_AUTH } from '../store/login.ts';
import type { Db } from '../store/schema.ts';
import { installAuth } from './auth.ts';
import { installErrorHandler } from './errors.ts';
import { installSecurityHeaders } from './headers.ts';
import { healthRoutes, type Readiness, readinessFromEnv } from './health.ts';
import { heavyFromEnv, installHeavyGate } from './heavy.ts';
import { lazySchemaController } from './lazy-schemas.ts';
import { adminRoutes } from './routes/admin.ts';
import { assessmentRoutes } from './routes/assessments.ts';
import { auditRoutes } from './routes/audit.ts';
import { caseRoutes } from './routes/cases.ts';
import { decisionRoutes } from './routes/decisions.ts';
import { documentRoutes } from './routes/documents.ts';
import { factRoutes } from './routes/facts.ts';
import { ledgerRoutes } from './routes/ledger.ts';
import { noticeRoutes } from './routes/notices.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { personnelRoutes } from './routes/personnel.ts';
import { policyRoutes } from './routes/policy.ts';
import { registryRoutes } from './routes/registry.ts';
import { reportRoutes } from './routes/reports.ts';
import { rosterRoutes } from './routes/rosters.ts';
import { sessionRoutes } from './routes/session.ts';
import { townPackRoutes } from './routes/town-packs.ts';
import { worklistRoutes } from './routes/worklist.ts';
import { trackRequests } from './shutdown.ts';
import { webRoutes } from './web.ts';

declare module 'fastify' {
  interface FastifyInstance {
    routeKeys: string[];
  }
}

export interface AppOptions {
  db: Db;
  now?: () => Date;
  auth?: Partial<AuthConfig>;
  /** true: log every request (level info); false: nothing; default: errors only (every 5xx). */
  logger?: boolean | { level?: string; stream?: { write(line: string): void } };
  /** Extra routes (the office workflows register theirs here). */
  plugins?: ((app: FastifyInstance, ctx: Ctx) => void)[];
  /**
   * The reverse proxies whose X-Forwarded-For, -Proto and -Host are believed: addresses, CIDR
   * ranges or `loopback`, comma-separated (ZEREN_TRUST_PROXY). Unset: nobody's.
   */
  trustProxy?: string;
  /** Refuse requests that did not come over HTTPS (a proxy deployment on a non-loopback address). */
  requireHttps?: boolean;
  /** Heavy routes at once, and how many may wait (default ZEREN_HEAVY_CONCURRENCY 2, ZEREN_HEAVY_QUEUE 1000). */
  heavy?: { concurrency: number; queue: number };
  /** What `GET /api/v1/health/ready` checks on disk (default: the working folder, 100 MB free). */
  readiness?: Readiness;
  /** Serve HTTPS directly with this certificate and key (PEM). */
  https?: { cert: Buffer | string; key: Buffer | string };
}

function loggerOf(opt: AppOptions['logger']) {
  if (opt === false) return false;
  if (opt === true) return { level: 'info' };
  return { level: opt?.level ?? 'error', ...(opt?.stream && { stream: opt.stream }) };
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const ctx = makeCtx(opts.db, opts.now);
  const auth = { ...DEFAULT_AUTH, ...opts.auth };
  const app = Fastify({
    logger: loggerOf(opts.logger),
    // A request id a proxy or client sent (x-request-id, if it is a plain token), else a new one;
    // it is in every log line of the request and sent back in the x-request-id header.
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
    },
    ...(opts.https && { https: opts.https }),
    trustProxy: opts.trustProxy ?? false,
    ajv: {
      customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: false, useDefaults: true },
    },
    // Each route's validators and serialisers compiled when it is first asked for, not at start.
    schemaController: lazySchemaController,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Every route served, as `METHOD /url`: the authorisation matrix test holds them against the table.
  const routes: string[] = [];
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat())
      if (m !== 'HEAD' && !r.url.startsWith('/api/docs')) routes.push(`${m} ${r.url}`);
  });
  app.decorate('routeKeys', routes);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Zeren 责任 API',
        version: ENGINE_VERSION,
        description: '层级动态管理责任制:facts, evaluations and decisions of a county assessment office.',
      },
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'zeren_session',
            description:
              '`__Host-zeren_session` over HTTPS; `zeren_session` over plain http on a loopback address',
          },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { validatorUrl: null } });
  installErrorHandler(app);
  installSecurityHeaders(app);
  trackRequests(app);
  installHeavyGate(app, opts.heavy ?? heavyFromEnv());
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  installAuth(app, ctx, auth, { requireHttps: opts.requireHttps });

  healthRoutes(app, opts.db, opts.readiness ?? readinessFromEnv(process.cwd()));
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  sessionRoutes(app, ctx, auth);
  adminRoutes(app, ctx);
  auditRoutes(app, ctx);
  notificationRoutes(app, ctx);
  factRoutes(app, ctx);
  caseRoutes(app, ctx);
  noticeRoutes(app, ctx);
  reportRoutes(app, ctx);
  rosterRoutes(app, ctx);
  assessmentRoutes(app, ctx);
  decisionRoutes(app, ctx);
  ledgerRoutes(app, ctx);
  personnelRoutes(app, ctx);
  documentRoutes(app, ctx);
  worklistRoutes(app, ctx);
  registryRoutes(app, ctx);
  policyRoutes(app, ctx);
  townPackRoutes(app, ctx);
  webRoutes(app);
  for (const p of opts.plugins ?? []) p(app, ctx);
  await app.ready();
  return app as unknown as FastifyInstance;
}
