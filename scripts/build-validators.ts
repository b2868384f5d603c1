// Build step after tsc (`node dist/scripts/build-validators.js`): writes the ajv standalone validators of schemas/ next
// to dist/src/schema.js, so that a lint run loads ready-made code instead of compiling the schemas at every start.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATED_DIR, generateValidators } from '../src/schema.js';

// This file runs as dist/scripts/build-validators.js; src/schema.js looks for its validators beside itself.
const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', GENERATED_DIR);
mkdirSync(dir, { recursive: true });
for (const f of readdirSync(dir)) rmSync(join(dir, f));
const modules = generateValidators();
for (const [name, code] of Object.entries(modules)) writeFileSync(join(dir, `${name}.cjs`), code);
process.stdout.write(`wrote ${Object.keys(modules).length} schema validators to dist/src/${GENERATED_DIR}\n`);
