// `node bin/bundle.mjs <build folder>`: the compiled server as one file, <build>/server/start.bundle.js,
// which bin/start.mjs runs when it is there (bin/build.mjs calls this after compiling). Bundled:
// the server's own modules and the two packages made of hundreds of small ES modules, Kysely and
// TypeBox — loading those one file at a time was a quarter of the server's start. Every other
// package stays an import. Each module keeps its own compiled file's import.meta.url, so worker
// threads and lazily required packages are found where they were. Without esbuild (it comes with
// the dev dependencies) nothing is bundled and the server runs from the compiled files.

import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

const INLINE = /^(kysely|typebox)(\/|$)/;

export async function bundleServer(dir) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return false;
  }
  const out = join(dir, 'server/start.bundle.js');
  const outDir = dirname(out);
  const inBuild = (p) => p.startsWith(dir + sep);
  await esbuild.build({
    entryPoints: [join(dir, 'server/start.js')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    logLevel: 'error',
    plugins: [
      {
        name: 'zeren-server',
        setup(b) {
          // A package is an import of the bundle, except Kysely and TypeBox.
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            INLINE.test(args.path) || args.path.startsWith('node:')
              ? undefined
              : { path: args.path, external: true },
          );
          b.onLoad({ filter: /\.js$/ }, (args) => {
            if (!inBuild(args.path)) return undefined;
            const src = readFileSync(args.path, 'utf8');
            if (!src.includes('import.meta.url')) return { contents: src, loader: 'js' };
            const own = JSON.stringify(relative(outDir, args.path).split(sep).join('/'));
            return {
              contents: src.replaceAll('import.meta.url', `new URL(${own}, import.meta.url).href`),
              loader: 'js',
            };
          });
        },
      },
    ],
  });
  return true;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split(sep).join('/'))) {
  const ok = await bundleServer(process.argv[2]).catch((e) => {
    process.stderr.write(`bundling failed, the server runs from the compiled files: ${e.message}\n`);
    return false;
  });
  process.exit(ok ? 0 : 1);
}
