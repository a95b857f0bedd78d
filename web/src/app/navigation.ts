// Where to go after signing in: the page remembered in `?next=`, only if it is a path of this
// application (never another site, never the sign-in page itself).

export const SIGN_IN = '/sign-in';

export function signInPath(current: string): string {
  return current === '/' || current.startsWith(SIGN_IN)
    ? SIGN_IN
    : `${SIGN_IN}?next=${encodeURIComponent(current)}`;
}

export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith(SIGN_IN) || next.startsWith('/api/')) return '/';
  return next;
}
