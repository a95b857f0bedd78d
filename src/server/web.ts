// The browser application, served at `/` on the API's port: hashed assets (web/dist/assets) with
// a year's cache, index.html never cached and returned for every other path that is not a file
// (the application's own routes, /home, /rosters/…), so a bookmark or a reload works. Paths under
// /api/ never fall back to the page: an unknown API address keeps its JSON 404.

import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DIST } from './web-build.ts';

/**
 * The page's policy: scripts only from this origin (the build emits no inline script); styles
 * also inline, because Ant Design writes its CSS-in-JS into <style> elements at run time.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>责任制管理系统</title></head>
<body><h1>浏览器界面尚未构建</h1><p>请在项目目录运行 <code>npm run web:build</code>，然后刷新本页。
接口文档见 <a href="/api/docs">/api/docs</a>。</p>
<p lang="en">The browser application is not built: run <code>npm run web:build</code> and reload.</p></body></html>`;

export function webRoutes(app: FastifyInstance, dist = DIST): void {
  app.register(async (web) => {
    await web.register(fastifyStatic, { root: dist, serve: false, index: false });

    const page = (reply: FastifyReply) => {
      reply.header('content-security-policy', PAGE_CSP).header('cache-control', 'no-cache');
      if (!existsSync(join(dist, 'index.html')))
        return reply.status(503).type('text/html; charset=utf-8').send(NOT_BUILT);
      return reply.sendFile('index.html', { cacheControl: false });
    };

    web.get('/', { schema: { hide: true } }, async (_req, reply) => page(reply));
    web.get<{ Params: { '*': string } }>('/*', { schema: { hide: true } }, async (req, reply) => {
      const path = req.params['*'];
      if (path === 'api' || path.startsWith('api/')) return reply.callNotFound();
      const file = normalize(path);
      const full = join(dist, file);
      if (!file.startsWith('..') && !file.startsWith(sep) && full.startsWith(dist) && isFile(full)) {
        if (file === 'index.html') return page(reply);
        // Names under assets/ carry their content hash: a new build gets new names.
        const immutable = file.startsWith(`assets${sep}`);
        reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        return reply.sendFile(file, { cacheControl: false });
      }
      // A missing script or style is a 404, not the page (a browser would run HTML as code).
      if (file.startsWith(`assets${sep}`) || /\.[a-z0-9]{1,5}$/i.test(file)) return reply.callNotFound();
      return page(reply);
    });
  });
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
