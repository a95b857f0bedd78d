// What every screen inside the shell knows: the session, the user's county and the FP year.

import { createContext, useContext } from 'react';
import type { Session } from '../session/session.ts';

export interface ShellContext {
  session: Session;
  /** The user's county; null for an administrator of every county. */
  county: string | null;
  year: number;
  setYear: (year: number) => void;
}

export const ShellCtx = createContext<ShellContext | undefined>(undefined);

/** The session, county and FP year of the screen (inside the shell only). */
export function useShell(): ShellContext {
  const c = useContext(ShellCtx);
  if (!c) throw new Error('useShell outside the shell');
  return c;
}
