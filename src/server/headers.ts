// Security headers on every response. Three Content-Security-Policies:
//   the API (JSON, files): nothing may load, nothing may frame it;
//   the browser application (a Vite-built React + Ant Design single-page app at `/`): scripts only
//     from this site, styles from this site and inline (antd's CSS-in-JS writes <style> elements),
//     images and fonts from this site or data:/blob: URLs, requests only to this site;
//   the interactive API docs (/api/docs, swagger-ui): the application's policy — swagger-ui's
//     page loads its scripts from files and sets inline styles, and its online validator is off.
// No response grants CORS: the application and the API share one origin.

import type { FastifyInstance, FastifyRequest } from 'fastify';

export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export const DOCS_CSP = APP_CSP;

export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The Content-Security-Policy for a path. */
export function contentSecurityPolicy(url: string): string {
  const path = url.split('?', 1)[0]!;
  if (path === '/api/docs' || path.startsWith('/api/docs/')) return DOCS_CSP;
  if (path.startsWith('/api/')) return API_CSP;
  return APP_CSP;
}

const ALWAYS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

export function securityHeaders(req: FastifyRequest): Record<string, string> {
  const path = req.url.split('?', 1)[0]!;
  return {
    ...ALWAYS,
    'content-security-policy': contentSecurityPolicy(req.url),
    // Answers of the API hold a county's data: no cache, shared or private, keeps them.
    ...(path.startsWith('/api/v1/') && { 'cache-control': 'no-store' }),
    ...(req.protocol === 'https' && { 'strict-transport-security': 'max-age=31536000' }),
  };
}

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    for (const [k, v] of Object.entries(securityHeaders(req)))
      if (k !== 'cache-control' || !reply.hasHeader(k)) reply.header(k, v);
    return payload;
  });
}
