// The built bundle, as Chromium 78–86 cores (360 安全浏览器 and the other 信创 browsers) get it:
// every chunk parses at ES2019 (Chrome 78's syntax) with only dynamic import() and import.meta
// beyond it (Chrome 63+); every newer runtime call has its polyfill; the first screen loads no
// ECharts; and the sizes (gzip) are reported in test/e2e/out/metrics.json.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as acorn from 'acorn';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, ensureWebBuilt, ROOT } from '../../src/server/web-build.ts';
import { recordMetrics } from './harness.ts';

/** ES2019 plus `import(…)` and `import.meta`, which Chrome 78 runs in module scripts. */
const Chrome78 = acorn.Parser.extend(
  (Base) =>
    class extends (Base as any) {
      parseExprAtom(refs: unknown, forInit: unknown, forNew: boolean) {
        if ((this as any).type === acorn.tokTypes._import) return (this as any).parseExprImport(forNew);
        return super.parseExprAtom(refs, forInit, forNew);
      }
      parseStatement(context: unknown, topLevel: boolean, exports: unknown) {
        const self = this as any;
        if (self.type === acorn.tokTypes._import) {
          const next = /^\s*(.)/.exec(self.input.slice(self.pos))?.[1];
          if (next === '(' || next === '.') {
            const node = self.startNode();
            return self.parseExpressionStatement(node, self.parseExpression());
          }
        }
        return super.parseStatement(context, topLevel, exports);
      }
    } as any,
);

function parseChrome78(code: string): void {
  Chrome78.parse(code, { ecmaVersion: 2019, sourceType: 'module' });
}

/** Calls of runtime features newer than Chrome 78, and the core-js module that provides each. */
const NEWER: [RegExp, string][] = [
  [/\.at\(/, 'es.array.at'],
  [/\.findLast\(/, 'es.array.find-last'],
  [/\.findLastIndex\(/, 'es.array.find-last-index'],
  [/\.toSorted\(/, 'es.array.to-sorted'],
  [/\.toReversed\(/, 'es.array.to-reversed'],
  [/\.toSpliced\(/, 'es.array.to-spliced'],
  [/Object\.hasOwn\(/, 'es.object.has-own'],
  [/Object\.groupBy\(/, 'es.object.group-by'],
  [/Map\.groupBy\(/, 'es.map.group-by'],
  [/Promise\.any\(/, 'es.promise.any'],
  [/Promise\.withResolvers\(/, 'es.promise.with-resolvers'],
  [/\.replaceAll\(/, 'es.string.replace-all'],
  [/\.matchAll\(/, 'es.string.match-all'],
  [/\bstructuredClone\(/, 'web.structured-clone'],
  [/\bAggregateError\b/, 'es.aggregate-error'],
];

const chunks = () => readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
const read = (f: string) => readFileSync(join(DIST, 'assets', f), 'utf8');

beforeAll(async () => {
  await ensureWebBuilt();
}, 180_000);

describe('the syntax check itself', () => {
  it('accepts what Chrome 78 runs and refuses what it does not', () => {
    expect(() =>
      parseChrome78('const m = import("./x.js"); import("./y.js"); import.meta.url; a ** 2;'),
    ).not.toThrow();
    for (const newer of ['a?.b', 'a ?? b', 'class A { x = 1 }', '1_000', 'a ||= b', 'class A { #p }'])
      expect(() => parseChrome78(newer), newer).toThrow();
  });
});

describe('the built bundle (web/dist)', () => {
  it('keeps every chunk to Chrome 78’s syntax', () => {
    const failures: string[] = [];
    for (const f of chunks()) {
      try {
        parseChrome78(read(f));
      } catch (e) {
        failures.push(`${f}: ${(e as Error).message}`);
      }
    }
    expect(chunks().length).toBeGreaterThan(3);
    expect(failures).toEqual([]);
  });

  it('polyfills every runtime call newer than Chrome 78 that a chunk makes', () => {
    const polyfills = readFileSync(join(ROOT, 'web/src/polyfills.ts'), 'utf8');
    const missing: string[] = [];
    for (const f of chunks())
      for (const [call, module] of NEWER)
        if (call.test(read(f)) && !polyfills.includes(`core-js/modules/${module}.js`))
          missing.push(`${f}: ${module}`);
    expect(missing).toEqual([]);
  });

  it('has no inline script (a policy of script-src ’self’ runs it)', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\/assets\//);
      expect(body!.trim()).toBe('');
    }
  });

  it('loads the first screen without ECharts, and reports the sizes (gzip)', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const entry = /<script[^>]+src="\/assets\/([^"]+\.js)"/.exec(html)![1]!;
    // The chunks the first screen loads: the entry and what it imports statically, transitively.
    const initial = new Set<string>();
    const visit = (f: string) => {
      if (initial.has(f)) return;
      initial.add(f);
      for (const m of read(f).matchAll(
        /(?:^|[;}])\s*import\s*(?:[\w${},\s*]+from\s*)?["']\.\/([^"']+\.js)["']/g,
      ))
        visit(m[1]!);
    };
    visit(entry);
    const echarts = chunks().filter((f) => /^echarts-/.test(f));
    expect(echarts.length).toBe(1);
    expect([...initial].filter((f) => /echarts/i.test(f))).toEqual([]);
    expect([...initial].some((f) => read(f).includes('zrender'))).toBe(false);
    const gz = (f: string) => gzipSync(readFileSync(join(DIST, 'assets', f))).length;
    const css = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.css'));
    const sizes = Object.fromEntries(
      [...chunks(), ...css].sort().map((f) => [f.replace(/-[\w-]{8}\./, '.'), gz(f)]),
    );
    const initialGzip = [...initial, ...css].reduce((s, f) => s + gz(f), 0);
    const totalGzip = [...chunks(), ...css].reduce((s, f) => s + gz(f), 0);
    recordMetrics({ bundle_gzip_bytes: { first_screen: initialGzip, total: totalGzip, chunks: sizes } });
    process.stdout.write(
      `bundle (gzip): first screen ${(initialGzip / 1024).toFixed(0)} KiB, all ${(totalGzip / 1024).toFixed(0)} KiB; ECharts ${(gz(echarts[0]!) / 1024).toFixed(0)} KiB loaded with the first chart\n`,
    );
  });
});
