#!/usr/bin/env node
// Build step after tsc: writes the ajv standalone validators of schemas/ next to dist/src/schema.js, so that a
// lint run loads ready-made code instead of compiling the schemas at every start (see src/schema.ts).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { GENERATED_DIR, generateValidators } = await import(join(root, 'dist/src/schema.js'));
const dir = join(root, 'dist/src', GENERATED_DIR);
mkdirSync(dir, { recursive: true });
for (const f of readdirSync(dir)) rmSync(join(dir, f));
const modules = generateValidators();
for (const [name, code] of Object.entries(modules)) writeFileSync(join(dir, `${name}.cjs`), code);
console.log(`istio-lint: ${Object.keys(modules).length} schema validators written to ${join('dist/src', GENERATED_DIR)}`);
