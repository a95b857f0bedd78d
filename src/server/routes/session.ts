// Signing in and out, and API tokens for scripts. A token is made only by someone signed in with a
// password (a session), never by another token; it expires (90 days unless asked otherwise).

import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Ctx } from '../../store/ctx.ts';
import { type AuthConfig, login } from '../../store/login.ts';
import { logout } from '../../store/sessions.ts';
import { createToken, listTokens, revokeToken, TOKEN_DAYS, TOKEN_MAX_DAYS } from '../../store/tokens.ts';
import { cookieNames, cookieOptions, userOfRequest } from '../auth.ts';
import { SessionOut, sessionView } from '../capabilities.ts';
import { HttpError } from '../errors.ts';
import type { TypedApp } from '../schema-kit.ts';
import { errors, IdParams, Login, TokenName, TokenOut, UserOut } from '../schemas.ts';

/** Only a session signed in with a password makes tokens: a stolen token cannot multiply itself. */
export function requireSession(req: FastifyRequest): void {
  if (req.via !== 'session')
    throw new HttpError(
      403,
      'session_required',
      '只能在用密码登录后创建令牌，不能用令牌创建令牌',
      'tokens are created by a signed-in session, not by another token',
    );
}

export function sessionRoutes(app: TypedApp, ctx: Ctx, cfg: AuthConfig): void {
  const tags = ['session'];
  app.post(
    '/api/v1/session',
    {
      schema: {
        tags,
        summary: 'sign in: sets the session cookie',
        description:
          'Over HTTPS the cookie is `__Host-zeren_session` (Secure); over plain http on a loopback address it is `zeren_session`. Failed logins slow down further attempts from the same address, never from the browser the account last signed in with.',
        body: Login,
        response: { 200: Type.Object({ user: UserOut }), ...errors(400, 403, 422, 429) },
      },
    },
    async (req, reply) => {
      const { username, password } = req.body;
      const names = cookieNames(req);
      const { user, secret, device } = await login(ctx, cfg, {
        username,
        password,
        ip: req.ip,
        device: req.cookies[names.device],
      });
      reply.setCookie(names.session, secret, cookieOptions(req, cfg.maxHours * 3600));
      reply.setCookie(names.device, device, cookieOptions(req, cfg.deviceDays * 86_400));
      return { user };
    },
  );
  app.get(
    '/api/v1/session',
    {
      schema: {
        tags,
        summary:
          'who is signed in, in words, and the route keys they may call (the browser shows only those)',
        response: { 200: SessionOut, ...errors(401) },
      },
    },
    async (req) => sessionView(ctx, userOfRequest(req)),
  );
  app.delete(
    '/api/v1/session',
    { schema: { tags, summary: 'sign out', response: { 204: Type.Null(), ...errors(401, 403) } } },
    async (req, reply) => {
      const user = userOfRequest(req);
      const name = cookieNames(req).session;
      const secret = req.cookies[name];
      if (secret) await logout(ctx, secret, { name: user.username, role: user.role });
      reply.clearCookie(name, cookieOptions(req, 0));
      reply.status(204);
      return null;
    },
  );

  app.get(
    '/api/v1/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'my API tokens',
        response: { 200: Type.Object({ items: Type.Array(TokenOut) }), ...errors(401) },
      },
    },
    async (req) => ({
      items: await listTokens(ctx.db, userOfRequest(req).id, ctx.now()),
    }),
  );
  app.post(
    '/api/v1/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'create an API token (the secret is shown once); use it as Authorization: Bearer …',
        description: `Only a signed-in session (not a token) creates tokens. A token expires after expires_in_days (default ${TOKEN_DAYS}, at most ${TOKEN_MAX_DAYS}).`,
        body: Type.Object(
          {
            name: TokenName,
            expires_in_days: Type.Optional(
              Type.Integer({ minimum: 1, maximum: TOKEN_MAX_DAYS, default: TOKEN_DAYS }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: TokenOut, ...errors(400, 401, 403, 422) },
      },
    },
    async (req, reply) => {
      requireSession(req);
      const body = req.body;
      reply.status(201);
      return createToken(ctx, userOfRequest(req), body.name, body.expires_in_days ?? TOKEN_DAYS);
    },
  );
  app.delete(
    '/api/v1/tokens/:id',
    {
      schema: {
        tags: ['tokens'],
        summary: 'revoke one of my tokens',
        params: IdParams,
        response: { 200: TokenOut, ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const user = userOfRequest(req);
      return revokeToken(ctx, { name: user.username, role: user.role }, user, req.params.id);
    },
  );
}
