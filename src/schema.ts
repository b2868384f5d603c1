// JSON Schema validation of manifests (ajv), with messages a person understands instead of ajv's raw text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { JsonPath } from './json.js';
import { packageRoot } from './paths.js';
import type { Manifest } from './types.js';

export interface SchemaViolation {
  readonly path: JsonPath;
  readonly message: string;
  /** For unknown properties: point at the key, not its value. */
  readonly target?: 'key' | 'value';
}

/** kind → schema file in schemas/, for the API groups we know. Unknown kinds are not validated. */
const SCHEMA_FILES: Readonly<Record<string, string>> = {
};

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction | null>();

function validatorFor(m: Manifest): ValidateFunction | null {
  const group = m.apiVersion.includes('/') ? m.apiVersion.split('/')[0]! : '';
  const key = `${group}/${m.kind}`;
  const file = SCHEMA_FILES[key];
  if (!file) return null;
  let v = compiled.get(file);
  if (v === undefined) {
    ajv ??= new Ajv({ allErrors: true, strict: false });
    v = ajv.compile(JSON.parse(readFileSync(join(packageRoot(), 'schemas', file), 'utf8')) as object);
    compiled.set(file, v);
  }
  return v;
}

export function validateManifest(m: Manifest): SchemaViolation[] {
  const validate = validatorFor(m);
  if (!validate || validate(m.value)) return [];
  return (validate.errors ?? []).map(humanize);
}

function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function humanize(e: ErrorObject): SchemaViolation {
  const path = pointerToPath(e.instancePath);
  return { path, message: e.message ?? 'is invalid' };
}
