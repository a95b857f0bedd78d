// The signed-in user as the server describes it (GET /api/v1/session): who they are in words,
// the county's years with data, and `permissions`, the route keys of the access table they may
// call. A screen shows a menu item or a button only when `can(session, key)`; it never decides
// access on its own, and the server checks every call again.

import { useQuery } from '@tanstack/react-query';
import { api, data } from '../api/client.ts';
import type { paths } from '../api/schema';

export type Session = paths['/api/v1/session']['get']['responses'][200]['content']['application/json'];
export type SessionUser = Session['user'];

export const SESSION_KEY = ['session'] as const;

export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: () => data(api.GET('/api/v1/session')),
    retry: false,
    staleTime: 60_000,
  });
}

/** Whether the server lets this user call a route: `can(s, 'POST /api/v1/obligations/:id/collect')`. */
export function can(session: Pick<Session, 'permissions'> | undefined, key: string): boolean {
  return session?.permissions.includes(key) ?? false;
}

/** The name people know the user by: the recorded name, else the user name. */
export function displayName(user: SessionUser): string {
  return user.display_name || user.username;
}

/** Where the user works, in words: 东风镇（镇(场)）, 县教育局（县直单位）, or the county for county-wide roles. */
export function placeOf(user: SessionUser): string {
  if (user.unit_name) return `${user.county_name ?? ''} ${user.unit_name}`.trim();
  return user.county_name ?? '全部县';
}

export async function signIn(username: string, password: string) {
  return data(api.POST('/api/v1/session', { body: { username, password } }));
}

export async function signOut() {
  await api.DELETE('/api/v1/session');
}
