// The bell: what changed for the signed-in user since they last looked, and marking it read.
// Every signed-in role has one; each sees only what concerns its jurisdiction (store/notifications.ts).

import { Type } from 'typebox';
import type { Ctx } from '../../store/ctx.ts';
import {
  markRead,
  NOTIFICATION_KINDS,
  NOTIFICATIONS_MAX,
  notificationsFor,
} from '../../store/notifications.ts';
import { scopeOf } from '../auth.ts';
import { Enum, type TypedApp } from '../schema-kit.ts';
import { errors } from '../schemas.ts';

const Item = Type.Object({
  id: Type.String(),
  kind: Enum(NOTIFICATION_KINDS),
  kind_zh: Type.String(),
  title: Type.String(),
  body: Type.String(),
  link: Type.String({ description: 'where to see it in the browser application' }),
  at: Type.String({ description: 'ISO-8601, UTC' }),
  read: Type.Boolean(),
});

export function notificationRoutes(app: TypedApp, ctx: Ctx): void {
  const tags = ['notifications'];
  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        summary: `your notifications, newest first (at most ${NOTIFICATIONS_MAX}), and how many are unread`,
        description:
          'A roster returned to your unit, a warning notice issued to it, a decision confirmed, a fine of yours falling due within 7 days. Never your own doing.',
        response: {
          200: Type.Object({ items: Type.Array(Item), unread: Type.Integer() }),
          ...errors(401),
        },
      },
    },
    async (req) => notificationsFor(ctx, scopeOf(req)),
  );
  app.post(
    '/api/v1/notifications/read',
    {
      schema: {
        tags,
        summary: 'mark notifications read: those named, or all you are shown',
        body: Type.Object(
          {
            ids: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 200 })),
            all: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ unread: Type.Integer(), marked: Type.Integer() }),
          ...errors(400, 401, 422),
        },
      },
    },
    async (req) => markRead(ctx, scopeOf(req), req.body),
  );
}
