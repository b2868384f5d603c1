// The executable as a few bundled files: loading the ~150 compiled modules (and `yaml`'s 80 CommonJS files) one by
// one was most of a small run's time (resolving, reading and compiling each). The project's code, `yaml`, js-yaml
// and picomatch are bundled; other packages stay in node_modules, and the generated validators stay files of their
// own, loaded per kind on first use. Dynamic imports (report, diff, custom rules, formatters…) stay separate chunks,
// loaded only by the commands that need them.
//
// The bundled executable replaces tsc's dist/src/cli/bin.js, so that package.json's `bin` (and the links npm and
// npx made to it) stay as they were. Chunks land in dist/src/ itself, so that paths computed from a module's own
// URL mean the same bundled or not: `./validators/*.cjs` (src/schema.ts) and `./parse-worker.js`
// (src/parallel/parse-many.ts, here the bundled worker).
import { chmodSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const DIST_SRC = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
const BIN = join(DIST_SRC, 'cli', 'bin.js');

if (readFileSync(BIN, 'utf8').includes('"../bundle-')) {
  process.stderr.write(`bundle: ${BIN} is already bundled: compile first (npm run build runs tsc, then this)\n`);
  process.exit(1);
}
// Chunk names carry a content hash: drop the previous build's, or they pile up.
for (const f of readdirSync(DIST_SRC)) if (/^bundle-.*\.js$/.test(f)) rmSync(join(DIST_SRC, f));

await build({
  input: { 'cli/bin': BIN, 'parse-worker': join(DIST_SRC, 'parallel/parse-worker.js') },
  platform: 'node',
  // Bare specifiers are packages (node: built-ins, ajv…) but for the three bundled; the validators are required by
  // path at run time.
  external: (id) => /^[^./]/.test(id) && !/^(yaml|js-yaml|picomatch)(\/|$)/.test(id),
  logLevel: 'warn',
  output: { dir: DIST_SRC, format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'bundle-[name]-[hash].js', cleanDir: false },
});
chmodSync(BIN, 0o755);
