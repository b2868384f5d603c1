// The executable as a few bundled files: loading the ~150 compiled modules one by one was most of a small run's time
// (resolving, reading and compiling each). Dependencies stay outside (node_modules), and so do the generated
// validators, which are loaded per kind on first use. Dynamic imports (report, diff, custom rules, formatters…) stay
// separate chunks, loaded only by the commands that need them.
//
// The files land in dist/src/ itself, so that paths computed from a module's own URL mean the same bundled or not:
// `./validators/*.cjs` (src/schema.ts) and `./parse-worker.js` (src/parallel/parse-many.ts, here the bundled worker).
import { chmodSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const DIST_SRC = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
/** The executable that package.json's `bin` names. */
export const BUNDLED_BIN = 'istio-lint.js';

// Chunk names carry a content hash: drop the previous build's, or they pile up.
for (const f of readdirSync(DIST_SRC)) if (/^bundle-.*\.js$/.test(f)) rmSync(join(DIST_SRC, f));

await build({
  input: { 'istio-lint': join(DIST_SRC, 'cli/bin.js'), 'parse-worker': join(DIST_SRC, 'parallel/parse-worker.js') },
  platform: 'node',
  // Bare specifiers are packages (node: built-ins, yaml, ajv…); the validators are required by path at run time.
  external: (id) => /^[^./]/.test(id) && !/^(yaml|js-yaml|picomatch)(\/|$)/.test(id),
  logLevel: 'warn',
  output: { dir: DIST_SRC, format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'bundle-[name]-[hash].js', cleanDir: false },
});
chmodSync(join(DIST_SRC, BUNDLED_BIN), 0o755);
