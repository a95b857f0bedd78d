import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript, run by node before anything is compiled
import { compiled, ROOT, signature } from './build.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'zeren-build-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('compiled server and command line (bin/build.mjs)', () => {
  it('the signature changes when a source changes, and only then', () => {
    mkdirSync(join(tmp, 'src/a'), { recursive: true });
    writeFileSync(join(tmp, 'src/a/x.ts'), 'export const x = 1;\n');
    writeFileSync(join(tmp, 'src/a/x.test.ts'), 'test\n');
    writeFileSync(join(tmp, 'tsconfig.json'), '{}\n');
    const first = signature(tmp) as string;
    expect(signature(tmp)).toBe(first);
    writeFileSync(join(tmp, 'src/a/x.test.ts'), 'a test changed\n');
    expect(signature(tmp)).toBe(first);
    writeFileSync(join(tmp, 'src/a/x.ts'), 'export const x = 2;\n');
    const second = signature(tmp) as string;
    expect(second).not.toBe(first);
    utimesSync(join(tmp, 'tsconfig.json'), new Date(), new Date(Date.now() + 5000));
    expect(signature(tmp)).not.toBe(second);
  });

  it('compiles src/ and the compiled CLI answers as the sources do', () => {
    const dir = compiled(() => {}) as string;
    expect(existsSync(join(dir, 'cli/bin.js'))).toBe(true);
    expect(existsSync(join(dir, 'worker-entry.mjs'))).toBe(true);
    const args = ['evaluate', 'examples/qingshui-2009.yaml', '--json'];
    const fast = spawnSync(process.execPath, [join(ROOT, 'bin/zeren.mjs'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const slow = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/bin.ts'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(fast.status).toBe(0);
    expect(slow.status).toBe(0);
    expect(JSON.parse(fast.stdout).consequences.length).toBeGreaterThan(0);
    expect(fast.stdout).toBe(slow.stdout);
  });

  it('falls back to the sources when told not to compile', () => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'bin/zeren.mjs'), 'validate', 'examples/qingshui-2009.yaml'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, ZEREN_COMPILED: '0' },
      },
    );
    expect(r.status).toBe(0);
  });
});
