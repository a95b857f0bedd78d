// An account as the rest of the system sees it, read from its row: never its password hash.

import type { Row } from './schema.ts';
import type { UserRole } from './scope.ts';

export interface User {
  id: string;
  username: string;
  role: UserRole;
  county: string | null;
  unit: string | null;
  created_at: string;
  disabled_at: string | null;
  /** The person's name, as documents print it. */
  display_name: string | null;
}

export function userOf(r: Row<'users'>): User {
  return {
    id: r.id,
    username: r.username,
    role: r.role as UserRole,
    county: r.county_id,
    unit: r.unit_id,
    created_at: r.created_at,
    disabled_at: r.disabled_at,
    display_name: r.display_name,
  };
}
