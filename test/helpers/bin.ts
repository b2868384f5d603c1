// The built executable (npm run build: tsc, then the bundle that package.json's `bin` names).
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

export const BIN = join(ROOT, 'dist/src/cli/bin.js');

/**
 * Whether the executable was built after every one of `sources` (paths from the repository root) last changed:
 * tests of the executable skip, with a reason, rather than test a stale build.
 */
export function builtFrom(sources: readonly string[]): boolean {
  if (!existsSync(BIN)) return false;
  const built = statSync(BIN).mtimeMs;
  return sources.every((s) => statSync(join(ROOT, s)).mtimeMs <= built);
}
