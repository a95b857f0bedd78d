// Accounts and counties (administrators). The audit trail is in audit.ts.

import { Type } from 'typebox';
import { createCounty, getCounty } from '../../store/cases.ts';
import type { Ctx } from '../../store/ctx.ts';
import { notFound } from '../../store/errors.ts';
import { listCounties, placesOf } from '../../store/places.ts';
import { ROLES, roleZh } from '../../store/scope.ts';
import { listTokens, revokeToken } from '../../store/tokens.ts';
import { createUser, getManagedUser, listUsersPlaced, updateUser } from '../../store/users.ts';
import { scopeOf, userOfRequest } from '../auth.ts';
import type { TypedApp } from '../schema-kit.ts';
import {
  CountyParams,
  errors,
  IdParams,
  Name,
  NewUserBody,
  TokenOut,
  UserOut,
  UserPatch,
} from '../schemas.ts';

const County = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    policy: Type.String({ description: 'the policy pack the county runs' }),
    created_at: Type.String(),
    updated_at: Type.String(),
  },
  { additionalProperties: false },
);

/** An account as the administrators' list shows it: its role and place in words. */
const UserListed = Type.Object({
  ...UserOut.properties,
  role_zh: Type.String(),
  county_name: Type.Union([Type.String(), Type.Null()]),
  unit_name: Type.Union([Type.String(), Type.Null()]),
});

export function adminRoutes(app: TypedApp, ctx: Ctx): void {
  app.get(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: "accounts (of the administrator's county, or all)",
        description:
          'Each account with its role and place in words; `roles` lists every role with its Chinese label, for a form to offer.',
        response: {
          200: Type.Object({
            items: Type.Array(UserListed),
            roles: Type.Array(Type.Object({ code: Type.String(), zh: Type.String() })),
          }),
          ...errors(401, 403),
        },
      },
    },
    async (req) => {
      const users = await listUsersPlaced(ctx.db, scopeOf(req).county);
      return {
        items: users.map((u) => ({ ...u, role_zh: roleZh(u.role) })),
        roles: ROLES.map((code) => ({ code, zh: roleZh(code) })),
      };
    },
  );
  app.post(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: 'create an account',
        body: NewUserBody,
        description:
          'An administrator bound to a county creates accounts of that county only (403 otherwise).',
        response: { 201: UserOut, ...errors(400, 401, 403, 409, 422) },
      },
    },
    async (req, reply) => {
      const scope = scopeOf(req);
      const body = req.body;
      const user = await createUser(ctx, scope.actor, body, scope.county);
      reply.status(201);
      return user;
    },
  );
  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: "change an account's name, role, place or password, or disable it",
        description:
          'A changed role, place or password, or disabling, ends the account’s sessions and revokes its API tokens (enabling it again revives none). An administrator bound to a county changes accounts of that county only and cannot move one out of it (403).',
        params: IdParams,
        body: UserPatch,
        response: { 200: UserOut, ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (req) => {
      const scope = scopeOf(req);
      return updateUser(ctx, scope.actor, scope.county, req.params.id, req.body);
    },
  );

  /** An account the administrator may manage: one of its county (another reads as absent). */
  async function managedUser(req: { params: { id: string } }, adminCounty: string | null) {
    return getManagedUser(ctx.db, adminCounty, req.params.id);
  }
  app.get(
    '/api/v1/users/:id/tokens',
    {
      schema: {
        tags: ['users'],
        summary: "an account's API tokens (their secrets are never shown again)",
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(TokenOut) }), ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const user = await managedUser(req, scopeOf(req).county);
      return { items: await listTokens(ctx.db, user.id, ctx.now()) };
    },
  );
  app.delete(
    '/api/v1/users/:id/tokens/:token',
    {
      schema: {
        tags: ['users'],
        summary: "revoke one of an account's API tokens",
        params: Type.Object({ id: Type.String(), token: Type.String() }),
        response: { 200: TokenOut, ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const scope = scopeOf(req);
      const user = await managedUser(req, scope.county);
      return revokeToken(ctx, scope.actor, user, req.params.token);
    },
  );

  app.get(
    '/api/v1/counties',
    {
      schema: {
        tags: ['counties'],
        summary: 'the counties you may see',
        description:
          '`packs`: the policy packs shipped with the system, by id and title, that a new county may follow.',
        response: {
          200: Type.Object({
            items: Type.Array(County),
            packs: Type.Array(Type.Object({ id: Type.String(), title: Type.String() })),
          }),
          ...errors(401),
        },
      },
    },
    async (req) => {
      const user = userOfRequest(req);
      return {
        items: await listCounties(ctx.db, user.county),
        packs: ctx.packs('county').map((id) => ({ id, title: ctx.engine(id).pack.title })),
      };
    },
  );
  app.get(
    '/api/v1/counties/:county',
    {
      schema: {
        tags: ['counties'],
        summary: 'a county',
        params: CountyParams,
        response: { 200: County, ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const { county } = req.params;
      const scope = scopeOf(req);
      if (scope.county !== null && scope.county !== county) throw notFound('县', county);
      return getCounty(ctx.db, county);
    },
  );
  const Place = Type.Object({ id: Type.String(), name: Type.String() });
  app.get(
    '/api/v1/counties/:county/places',
    {
      schema: {
        tags: ['counties'],
        summary: "the county's tree: towns with their villages, and the county units (open ones)",
        description:
          'For pickers: the place of an account, the jurisdiction of an audit filter. Another county reads as absent.',
        params: CountyParams,
        response: {
          200: Type.Object({
            county: Place,
            towns: Type.Array(
              Type.Object({ id: Type.String(), name: Type.String(), villages: Type.Array(Place) }),
            ),
            county_units: Type.Array(Place),
          }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (req) => placesOf(ctx.db, scopeOf(req).county, req.params.county),
  );
  app.post(
    '/api/v1/counties',
    {
      schema: {
        tags: ['counties'],
        summary: 'create a county',
        body: Type.Object(
          {
            id: Type.String({ pattern: '^[a-z0-9-]{2,40}$' }),
            name: Name,
            // A pack shipped with the system, by its id: never a path on the server.
            policy: Type.Optional(Type.Enum(ctx.packs('county'))),
          },
          { additionalProperties: false },
        ),
        response: { 201: County, ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const scope = scopeOf(req);
      if (scope.county !== null) throw notFound('县', '');
      reply.status(201);
      return createCounty(ctx, scope.actor, req.body);
    },
  );
}
