// The one way the browser calls the API: openapi-fetch typed by the generated schema.d.ts. Every
// answer that is not 2xx becomes an ApiError; a 401 on anything but signing in sends the user
// back to the sign-in page with the page they were on remembered (see app/session-events.ts).

import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError, type ErrorBody } from './errors.ts';
import type { paths } from './schema';

export type { paths };

const listeners = new Set<() => void>();
/** Called when the server says the session is over (401): the shell returns to sign-in. */
export function onSessionExpired(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const expiry: Middleware = {
  onResponse({ request, response }) {
    const signingIn = request.method === 'POST' && new URL(request.url).pathname === '/api/v1/session';
    if (response.status === 401 && !signingIn) for (const l of listeners) l();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(expiry);

/**
 * The data of a call, or an ApiError with the server's Chinese message and problems:
 * `const list = await data(api.GET('/api/v1/counties'))`.
 */
export async function data<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<NonNullable<T>> {
  let r: { data?: T; error?: unknown; response: Response };
  try {
    r = await call;
  } catch {
    throw new ApiError(0, undefined);
  }
  if (!r.response.ok) {
    const retry = Number(r.response.headers.get('retry-after'));
    throw new ApiError(
      r.response.status,
      r.error as Partial<ErrorBody> | undefined,
      Number.isFinite(retry) && retry > 0 ? retry : undefined,
    );
  }
  return r.data as NonNullable<T>;
}
