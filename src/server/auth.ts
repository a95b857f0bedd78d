// Who is calling: a session cookie or an API token (`Authorization: Bearer zrn_…`). Each request
// gets its user and scope, then the access table decides. Every refusal is in the audit trail:
// a signed-in caller's each time (a role refused, another county's or town's object answered 404),
// an anonymous caller's counted per address and window (store/denials.ts), so that the trail
// cannot be flooded. A state change made with the session cookie must come from this site's own
// pages (Sec-Fetch-Site, else Origin), so another site cannot make a signed-in browser act.
//
// The cookie: over HTTPS (served directly, or behind a configured proxy that says so) it is
// `__Host-zeren_session`, Secure; over plain http — which the server allows only on a loopback
// address or when explicitly told to (see deploy.ts) — it is `zeren_session` without Secure, or
// the browser would drop it and nobody could sign in. Each protocol reads only its own cookie, so
// one planted over plain http is never honoured over HTTPS.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../store/audit.ts';
import type { Ctx } from '../store/ctx.ts';
import { capText, recordAnonymousDenial } from '../store/denials.ts';
import { notFound } from '../store/errors.ts';
import type { AuthConfig } from '../store/login.ts';
import { type Scope, scopeFor } from '../store/scope.ts';
import { sessionUser } from '../store/sessions.ts';
import { tokenUser } from '../store/tokens.ts';
import type { User } from '../store/user-row.ts';
import { ACCESS, allowed } from './access.ts';
import { forbidden, HttpError, unauthorized } from './errors.ts';

export const SESSION_COOKIE = 'zeren_session';
export const DEVICE_COOKIE = 'zeren_device';

declare module 'fastify' {
  interface FastifyRequest {
    user?: User;
    scope?: Scope;
    /** How the caller proved who it is. */
    via?: 'session' | 'token';
    /** Why a signed-in caller was answered 404 or 403, for the audit entry. */
    denial?: string;
  }
}

/** The cookie names for this request's protocol. */
export function cookieNames(req: FastifyRequest): { session: string; device: string; secure: boolean } {
  const secure = req.protocol === 'https';
  return secure
    ? { session: `__Host-${SESSION_COOKIE}`, device: `__Host-${DEVICE_COOKIE}`, secure }
    : { session: SESSION_COOKIE, device: DEVICE_COOKIE, secure };
}

/** Cookie attributes: `__Host-` cookies are Secure, on `/`, with no Domain. */
export function cookieOptions(req: FastifyRequest, maxAgeSeconds: number) {
  return {
    httpOnly: true,
    secure: cookieNames(req).secure,
    sameSite: 'strict' as const,
    path: '/',
    maxAge: maxAgeSeconds,
  };
}

export function routeKey(req: FastifyRequest): string {
  return `${req.method} ${req.routeOptions.url ?? capText(req.url)}`;
}

/** Routes of the interactive documentation (served by @fastify/swagger-ui) are public. */
const isDocs = (url: string | undefined) => url === '/api/docs' || (url?.startsWith('/api/docs/') ?? false);

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a browser request comes from this site's own pages. Fetch Metadata first (Chromium 76+),
 * then Origin; a request with neither is not a browser's cross-site one (scripts, curl).
 */
export function sameOrigin(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin' || site === 'none';
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return origin === `${req.protocol}://${req.host}`;
}

export interface AuthOptions {
  /** Refuse requests that did not arrive over HTTPS (behind a proxy on a non-loopback address). */
  requireHttps?: boolean;
}

export function installAuth(app: FastifyInstance, ctx: Ctx, cfg: AuthConfig, opts: AuthOptions = {}): void {
  app.decorateRequest('user', undefined);
  app.decorateRequest('scope', undefined);
  app.decorateRequest('via', undefined);
  app.decorateRequest('denial', undefined);

  app.addHook('onRequest', async (req) => {
    if (opts.requireHttps && req.protocol !== 'https' && !/^\/api\/v1\/health(\/ready)?$/.test(req.url))
      throw new HttpError(
        403,
        'https_required',
        '请通过 HTTPS 访问本系统（经由配置的反向代理）',
        'use HTTPS (through the configured reverse proxy)',
      );
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const cookie = req.cookies?.[cookieNames(req).session];
    const user = bearer
      ? await tokenUser(ctx, bearer)
      : cookie
        ? await sessionUser(ctx, cfg, cookie)
        : undefined;
    if (user) {
      req.user = user;
      req.via = bearer ? 'token' : 'session';
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

  // A signed-in caller answered 404 on a route that exists asked for something absent or outside
  // its jurisdiction (the answer does not say which; the trail records the attempt either way).
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode === 404 && req.user && req.routeOptions.url?.startsWith('/api/v1/'))
      await deny(req, req.denial ?? 'not found, or outside your jurisdiction');
    return payload;
  });

  async function deny(req: FastifyRequest, reason: string): Promise<void> {
    const at = ctx.now().toISOString();
    const key = routeKey(req);
    const after = { url: capText(req.url), reason };
    if (!req.user) {
      await recordAnonymousDenial(
        ctx.db,
        req.ip,
        { action: 'request.denied', object_type: 'route', object_id: key, after },
        at,
      );
      return;
    }
    await recordAudit(
      ctx.db,
      { name: req.user.username, role: req.user.role },
      {
        action: 'request.denied',
        object_type: 'route',
        object_id: key,
        // The caller's own county: never one a URL names.
        county_id: req.user.county,
        unit_id: req.user.unit,
        after: { ...after, ip: req.ip },
      },
      at,
    );
  }

  async function checkAccess(req: FastifyRequest): Promise<void> {
    if (isDocs(req.routeOptions.url)) return;
    const key = routeKey(req);
    const who = ACCESS[key];
    const crossSite =
      !SAFE.has(req.method) && (req.via === 'session' || key === 'POST /api/v1/session') && !sameOrigin(req);
    if (crossSite) {
      await deny(req, 'cross-site request');
      throw new HttpError(
        403,
        'cross_site',
        '拒绝来自其他网站的请求',
        'refused: the request comes from another site',
      );
    }
    if (allowed(who, req.user?.role)) {
      // Another county's address is as absent as one that does not exist, whatever the body says.
      const inUrl = (req.params as Record<string, string> | undefined)?.county;
      if (inUrl !== undefined && req.scope?.county && inUrl !== req.scope.county) {
        req.denial = 'another county';
        throw notFound('县', inUrl);
      }
      return;
    }
    const reason =
      !req.user && who !== undefined
        ? 'not signed in'
        : who === undefined
          ? 'route not in the access table'
          : 'role not allowed';
    await deny(req, reason);
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
