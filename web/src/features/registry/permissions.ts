// What the server lets this user write in the registry: the facts routes' keys, exactly as in
// src/server/access.ts. The browser only hides what it may not do; the server checks each call.

import { can, type Session } from '../../session/session.ts';
import type { Seg } from './api.ts';

const SEGS: readonly Seg[] = ['units', 'people', 'posts', 'links', 'categories'];
const C = '/api/v1/counties/:county';

export type Allowed = Record<Seg, boolean>;

export function registryPermissions(session: Pick<Session, 'permissions'>) {
  const each = (key: (seg: Seg) => string): Allowed =>
    Object.fromEntries(SEGS.map((s) => [s, can(session, key(s))])) as Allowed;
  return {
    create: each((s) => `POST ${C}/${s}`),
    update: each((s) => `PATCH ${C}/${s}/:id`),
    close: each((s) => `POST ${C}/${s}/:id/close`),
  };
}

export const useRegistryPermissions = registryPermissions;
