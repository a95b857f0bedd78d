// Signing in and out, and API tokens for scripts.

import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Ctx } from '../../store/facts.ts';
import { type AuthConfig, createToken, listTokens, login, logout, revokeToken } from '../../store/users.ts';
import { SESSION_COOKIE, userOfRequest } from '../auth.ts';
import { SessionOut, sessionView } from '../capabilities.ts';
import { errors, IdParams, Login, TokenOut, UserOut } from '../schemas.ts';

export function sessionRoutes(app: FastifyInstance, ctx: Ctx, cfg: AuthConfig): void {
  const tags = ['session'];
  app.post(
    '/api/v1/session',
    {
      schema: {
        tags,
        summary: 'sign in: sets the session cookie',
        body: Login,
        response: { 200: Type.Object({ user: UserOut }), ...errors(400, 422, 429) },
      },
    },
    async (req, reply) => {
      const { username, password } = req.body as { username: string; password: string };
      const { user, secret } = await login(ctx, cfg, username, password, req.ip);
      reply.setCookie(SESSION_COOKIE, secret, {
        httpOnly: true,
        secure: true,
        sameSite: 'strict',
        path: '/',
        maxAge: cfg.maxHours * 3600,
      });
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
    async (req) => sessionView(ctx.db, userOfRequest(req)),
  );
  app.delete(
    '/api/v1/session',
    { schema: { tags, summary: 'sign out', response: { 204: Type.Null(), ...errors(401) } } },
    async (req, reply) => {
      const user = userOfRequest(req);
      const secret = req.cookies[SESSION_COOKIE];
      if (secret) await logout(ctx, secret, { name: user.username, role: user.role });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
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
      items: await listTokens(ctx.db, userOfRequest(req)),
    }),
  );
  app.post(
    '/api/v1/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'create an API token (the secret is shown once); use it as Authorization: Bearer …',
        body: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 100 }) },
          { additionalProperties: false },
        ),
        response: { 201: TokenOut, ...errors(400, 401, 422) },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return createToken(ctx, userOfRequest(req), (req.body as { name: string }).name);
    },
  );
  app.delete(
    '/api/v1/tokens/:id',
    {
      schema: {
        tags: ['tokens'],
        summary: 'revoke one of my tokens',
        params: IdParams,
        response: { 200: TokenOut, ...errors(401, 404) },
      },
    },
    async (req) => revokeToken(ctx, userOfRequest(req), (req.params as { id: string }).id),
  );
}
