// Who is calling: a session cookie (`zeren_session`, HttpOnly, Secure, SameSite=Strict) or an API
// token (`Authorization: Bearer zrn_…`). Each request gets its user and scope, then the access
// table decides; every refusal is recorded in the audit trail.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../store/audit.ts';
import { notFound } from '../store/errors.ts';
import type { Ctx } from '../store/facts.ts';
import { type Scope, scopeFor } from '../store/scope.ts';
import { type AuthConfig, sessionUser, tokenUser, type User } from '../store/users.ts';
import { ACCESS, allowed } from './access.ts';
import { forbidden, unauthorized } from './errors.ts';

export const SESSION_COOKIE = 'zeren_session';

declare module 'fastify' {
  interface FastifyRequest {
    user?: User;
    scope?: Scope;
  }
}

export function routeKey(req: FastifyRequest): string {
  return `${req.method} ${req.routeOptions.url ?? req.url}`;
}

/** Routes of the interactive documentation (served by @fastify/swagger-ui) are public. */
const isDocs = (url: string | undefined) => url === '/api/docs' || (url?.startsWith('/api/docs/') ?? false);

export function installAuth(app: FastifyInstance, ctx: Ctx, cfg: AuthConfig): void {
  app.decorateRequest('user', undefined);
  app.decorateRequest('scope', undefined);

  app.addHook('onRequest', async (req) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const cookie = req.cookies?.[SESSION_COOKIE];
    const user = bearer
      ? await tokenUser(ctx, bearer)
      : cookie
        ? await sessionUser(ctx, cfg, cookie)
        : undefined;
    if (user) {
      req.user = user;
      req.scope = await scopeFor(ctx.db, {
        id: user.id,
        username: user.username,
        role: user.role,
        county_id: user.county,
        unit_id: user.unit,
      });
    }
  });

  // Before the body is even read: a refused caller learns nothing of what a valid request looks like.
  app.addHook('preParsing', async (req: FastifyRequest, _reply: FastifyReply, payload) => {
    await checkAccess(req);
    return payload;
  });

  async function checkAccess(req: FastifyRequest): Promise<void> {
    if (isDocs(req.routeOptions.url)) return;
    const key = routeKey(req);
    const who = ACCESS[key];
    if (allowed(who, req.user?.role)) {
      // Another county's address is as absent as one that does not exist, whatever the body says.
      const inUrl = (req.params as Record<string, string> | undefined)?.county;
      if (inUrl !== undefined && req.scope?.county && inUrl !== req.scope.county) throw notFound('县', inUrl);
      return;
    }
    const county = (req.params as Record<string, string> | undefined)?.county ?? req.user?.county ?? null;
    const reason =
      !req.user && who !== undefined
        ? 'not signed in'
        : who === undefined
          ? 'route not in the access table'
          : 'role not allowed';
    await recordAudit(
      ctx.db,
      req.user ? { name: req.user.username, role: req.user.role } : { name: 'anonymous', role: 'anonymous' },
      {
        action: 'request.denied',
        object_type: 'route',
        object_id: key,
        county_id: county,
        unit_id: req.user?.unit ?? null,
        after: { url: req.url, reason, ip: req.ip },
      },
      ctx.now().toISOString(),
    );
    throw !req.user && who !== undefined ? unauthorized() : forbidden();
  }
}

/** The caller's scope; routes run only after the access check, so a non-public route has one. */
export function scopeOf(req: FastifyRequest): Scope {
  if (!req.scope) throw unauthorized();
  return req.scope;
}

export function userOfRequest(req: FastifyRequest): User {
  if (!req.user) throw unauthorized();
  return req.user;
}
