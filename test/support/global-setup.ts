// Before any test file runs: the browser application is built once (when missing or stale), so
// that no test sees it half-built and the browser tests do not race to build it.

import { ensureWebBuilt } from '../../src/server/web-build.ts';

export default async function setup(): Promise<void> {
  await ensureWebBuilt();
}
