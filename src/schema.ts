// JSON Schema validation of manifests (ajv): which schema a kind has, and ajv's errors as messages a person understands.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv, ErrorObject, Options } from 'ajv';
import { formatPath, isObject, type JsonPath, type JsonValue } from './json.js';
import { packageRoot } from './paths.js';
import { closest } from './suggest.js';
import type { Manifest } from './types.js';

export interface SchemaViolation {
  readonly path: JsonPath;
  readonly message: string;
  /** For unknown fields and bad map keys: point at the key, not its value. */
  readonly target?: 'key' | 'value';
  /** Lower than the rule's severity: the API accepts it, but ignores it. */
  readonly severity?: 'warning';
}

/** `apiVersion kind` → schema name in schemas/<name>.schema.json. Other kinds and versions are not validated. */
const SCHEMA_OF: Readonly<Record<string, string>> = {
  'v1 Namespace': 'namespace',
  'v1 Service': 'service',
  'v1 Pod': 'pod',
  'v1 ConfigMap': 'configmap',
  'apps/v1 Deployment': 'deployment',
  'apps/v1 StatefulSet': 'statefulset',
  'apps/v1 DaemonSet': 'daemonset',
  'apps/v1 ReplicaSet': 'replicaset',
  'batch/v1 Job': 'job',
  'batch/v1 CronJob': 'cronjob',
  'install.istio.io/v1alpha1 IstioOperator': 'istiooperator',
  ...Object.fromEntries(
    ['v1alpha3', 'v1beta1', 'v1'].flatMap((v) => [
      [`networking.istio.io/${v} Sidecar`, 'sidecar'],
      [`networking.istio.io/${v} ServiceEntry`, 'serviceentry'],
      [`networking.istio.io/${v} VirtualService`, 'virtualservice'],
    ]),
  ),
};

/** Definitions the kind schemas refer to. */
const SHARED_SCHEMAS = ['k8s-meta', 'k8s-pod', 'istio-common'];
export const KIND_SCHEMAS: readonly string[] = [...new Set(Object.values(SCHEMA_OF))].sort();

// Asked once per manifest: answered from strings the input holds, without joining them each time.
const schemaNames = new Map<string, Map<string, string | undefined>>();

export function schemaNameFor(apiVersion: string, kind: string): string | undefined {
  let byKind = schemaNames.get(apiVersion);
  if (!byKind) schemaNames.set(apiVersion, (byKind = new Map()));
  if (byKind.has(kind)) return byKind.get(kind);
  const key = `${apiVersion} ${kind}`;
  const name = Object.prototype.hasOwnProperty.call(SCHEMA_OF, key) ? SCHEMA_OF[key] : undefined;
  byKind.set(kind, name);
  return name;
}

export const schemaId = (name: string): string => `https://istio-lint.dev/schemas/${name}.schema.json`;

/** The same options for runtime compilation and for the validators generated at build time. */
const AJV_OPTIONS: Options = { allErrors: true, verbose: true, ownProperties: true, strict: true, strictRequired: false, allowUnionTypes: true, messages: false, code: { source: true } };
/** Where the build writes the generated validators, next to the compiled form of this module. */
export const GENERATED_DIR = 'validators';

type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
const load = createRequire(import.meta.url);

/** An ajv instance holding every schema of ours (compiled on demand). */
export function createAjv(): Ajv {
  const { Ajv: AjvClass } = load('ajv') as typeof import('ajv');
  const ajv = new AjvClass(AJV_OPTIONS);
  // Annotations of our own: the wording of a value's expectation, and objects whose unknown fields Istio drops.
  ajv.addKeyword({ keyword: 'x-expected', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'x-unknown-fields', schemaType: 'string' });
  for (const name of [...SHARED_SCHEMAS, ...KIND_SCHEMAS]) {
    ajv.addSchema(JSON.parse(readFileSync(join(packageRoot(), 'schemas', `${name}.schema.json`), 'utf8')) as object);
  }
  return ajv;
}

/** Standalone CommonJS code of each kind's validator (`npm run build` writes it; tests compare it). */
export function generateValidators(): Record<string, string> {
  const standalone = (load('ajv/dist/standalone') as typeof import('ajv/dist/standalone/index.js')).default;
  const ajv = createAjv();
  return Object.fromEntries(KIND_SCHEMAS.map((name) => [name, standalone(ajv, ajv.getSchema(schemaId(name))!)]));
}

let ajv: Ajv | undefined;
const validators = new Map<string, Validator>();

// Compiling every schema at start-up costs more than the rest of a lint run, so the build generates the
// validators ahead of time; running from src/ (tests) compiles the needed ones on first use instead.
function validatorFor(name: string): Validator {
  let v = validators.get(name);
  if (!v) {
    const generated = new URL(`./${GENERATED_DIR}/${name}.cjs`, import.meta.url);
    if (existsSync(generated)) v = load(fileURLToPath(generated)) as Validator;
    else v = (ajv ??= createAjv()).getSchema(schemaId(name)) as Validator;
    validators.set(name, v);
  }
  return v;
}

const MAX_DEPTH = 500;
const MAX_VIOLATIONS = 50;

// Results computed ahead for a manifest's value, by the worker thread that parsed it (src/parallel/parse-many.ts).
const ahead = new WeakMap<object, readonly SchemaViolation[]>();

/** Hands validateManifest the result for a value that was validated elsewhere (the value decides it alone). */
export function provideValidation(value: object, violations: readonly SchemaViolation[]): void {
  ahead.set(value, violations);
}

export function validateManifest(m: Manifest): SchemaViolation[] {
  const known = ahead.get(m.value);
  if (known) return [...known];
  const name = schemaNameFor(m.apiVersion, m.kind);
  if (!name) return [];
  const validate = validatorFor(name);
  try {
    if (validate(withoutNulls(m.value, 0))) return [];
  } catch (err) {
    if (err instanceof RangeError) return [{ path: [], message: `this ${m.kind} is nested too deeply to validate (more than ${MAX_DEPTH} levels)` }];
    throw err;
  }
  return humanize(validate.errors ?? [], m.kind);
}

// The API server treats a field set to null as absent (Go decoding leaves it unset; CRD pruning drops it).
// Keys are defined, not assigned, so that a "__proto__" key stays an ordinary (unknown) field. Values without
// nulls are returned as they are (ajv does not modify data): copying every manifest costs more than validating it.
function withoutNulls(v: JsonValue, depth: number): JsonValue {
  // Nearly every manifest has no null at all: find that out without allocating, and only then copy.
  return hasNull(v, depth) ? copyWithoutNulls(v, depth) : v;
}

// Finds the same nodes too deep that copyWithoutNulls would (any child below MAX_DEPTH, null or not), but only
// calls itself for objects and arrays: a call per scalar costs as much as the check.
function hasNull(v: JsonValue, depth: number): boolean {
  if (depth > MAX_DEPTH) throw new RangeError('too deep');
  if (v === null || typeof v !== 'object') return false;
  const tooDeep = depth + 1 > MAX_DEPTH;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i]!;
      if (tooDeep) throw new RangeError('too deep');
      if (x !== null && typeof x === 'object' && hasNull(x, depth + 1)) return true;
    }
    return false;
  }
  for (const k in v) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
    const x = v[k]!;
    if (x === null) return true;
    if (tooDeep) throw new RangeError('too deep');
    if (typeof x === 'object' && hasNull(x, depth + 1)) return true;
  }
  return false;
}

function copyWithoutNulls(v: JsonValue, depth: number): JsonValue {
  if (depth > MAX_DEPTH) throw new RangeError('too deep');
  if (Array.isArray(v)) {
    let copy: JsonValue[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x = copyWithoutNulls(v[i]!, depth + 1);
      if (x !== v[i]) (copy ??= v.slice())[i] = x;
    }
    return copy ?? v;
  }
  if (!isObject(v)) return v;
  const keys = Object.keys(v);
  const values = keys.map((k) => (v[k] === null ? null : copyWithoutNulls(v[k]!, depth + 1)));
  if (values.every((x, i) => x !== null && x === v[keys[i]!])) return v;
  const out: Record<string, JsonValue> = {};
  keys.forEach((k, i) => {
    if (values[i] !== null) Object.defineProperty(out, k, { value: values[i], enumerable: true, writable: true, configurable: true });
  });
  return out;
}

interface SchemaNode {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, unknown>>;
  readonly items?: SchemaNode;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly pattern?: string;
  readonly 'x-expected'?: string;
  readonly 'x-unknown-fields'?: string;
}

function pointerToPath(pointer: string): (string | number)[] {
  const unescape = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');
  return pointer ? pointer.slice(1).split('/').map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : unescape(s))) : [];
}

/**
 * ajv errors → one violation per offending node (the unconditional reading wins), aggregate errors dropped, at most
 * MAX_VIOLATIONS of them. Nodes are told apart by ajv's own pointers so that a huge array of bad items costs little.
 */
function humanize(errors: readonly ErrorObject[], kind: string): SchemaViolation[] {
  const byNode = new Map<string, ErrorObject>();
  const missing = new Map<string, string[]>();
  for (const e of errors) {
    // if/then/else and the combinators report a summary next to the errors that explain it.
    if (['if', 'anyOf', 'oneOf', 'allOf'].includes(e.keyword)) continue;
    if (e.keyword === 'required') {
      const fields = missing.get(e.instancePath) ?? [];
      fields.push((e.params as { missingProperty: string }).missingProperty);
      missing.set(e.instancePath, fields);
      continue;
    }
    const key = `${e.instancePath}\u0000${keyOf(e) ?? ''}`;
    const seen = byNode.get(key);
    if (!seen || conditional(e) < conditional(seen)) byNode.set(key, e);
  }
  const out: SchemaViolation[] = [];
  for (const [pointer, fields] of missing) {
    const path = pointerToPath(pointer);
    const list = [...new Set(fields)].sort().map((f) => JSON.stringify(f));
    const what = list.length === 1 ? `the required field ${list[0]}` : `the required fields ${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
    out.push({ path, message: `${where(path, kind)} is missing ${what}` });
  }
  const nodes = [...byNode.values()];
  const room = Math.max(0, MAX_VIOLATIONS - out.length);
  for (const e of nodes.slice(0, room)) out.push(describe(e, pointerToPath(e.instancePath), kind));
  const hidden = nodes.length - room;
  if (hidden > 0) {
    const first = nodes[room]!;
    const key = keyOf(first);
    const path = [...pointerToPath(first.instancePath), ...(key === undefined ? [] : [key])];
    out.push({ path, message: `${hidden} more schema problem${hidden === 1 ? '' : 's'} in this ${kind}, from here on, not shown` });
  }
  return out;
}

/** The key an error is about (unknown field, bad map key), which is a node of its own. */
function keyOf(e: ErrorObject): string | undefined {
  if (e.keyword === 'additionalProperties') return (e.params as { additionalProperty: string }).additionalProperty;
  if (e.keyword === 'propertyNames') return (e.params as { propertyName: string }).propertyName;
  return e.propertyName;
}

// ajv checks if/then/else before properties; an unconditional reading of a node is the plainer one, so it wins.
function conditional(e: ErrorObject): number {
  return e.schemaPath.split('/').filter((s) => s === 'then' || s === 'else').length;
}

function where(path: JsonPath, kind: string): string {
  return path.length ? formatPath(path) : `the ${kind}`;
}

function describe(e: ErrorObject, path: JsonPath, kind: string): SchemaViolation {
  const schema = (e.parentSchema ?? {}) as SchemaNode;
  if (e.keyword === 'additionalProperties') {
    const field = (e.params as { additionalProperty: string }).additionalProperty;
    const known = Object.keys(schema.properties ?? {}).sort();
    const near = closest(field, known) ?? known.find((k) => k.toLowerCase() === field.toLowerCase());
    const hint = known.length <= 12 ? ` (expected one of: ${known.join(', ')})` : near ? ` (did you mean "${near}"?)` : '';
    const ignored = schema['x-unknown-fields'] === 'ignored';
    const place = path.length ? `in ${formatPath(path)}` : `at the top level of the ${kind}`;
    return {
      path: [...path, field],
      target: 'key',
      message: `unknown field ${JSON.stringify(field)} ${place}${ignored ? ' is ignored by Istio' : ''}${hint}`,
      ...(ignored ? { severity: 'warning' as const } : {}),
    };
  }
  if (e.keyword === 'propertyNames') {
    // Only seen alone when the key's own error was lost inside a non-inlined $ref; otherwise that one comes first.
    const key = (e.params as { propertyName: string }).propertyName;
    return { path: [...path, key], target: 'key', message: `key ${JSON.stringify(key)} is not allowed in ${where(path, kind)}` };
  }
  if (e.propertyName !== undefined) {
    return { path: [...path, e.propertyName], target: 'key', message: `key ${JSON.stringify(e.propertyName)} in ${where(path, kind)} must be ${expectation(schema, e)}` };
  }
  return { path, message: `${where(path, kind)} must be ${expectation(schema, e)}, got ${show(e.data)}${hint(schema, e.data)}` };
}

const article = (t: string): string => (t === 'integer' || t === 'array' || t === 'object' ? 'an' : 'a');

/** What the schema node wants, in words: "an integer between 1 and 65535", "one of "A", "B"", … */
function expectation(s: SchemaNode, e: ErrorObject): string {
  if (s['x-expected']) return s['x-expected'];
  if (e.keyword === 'enum' && s.enum) return `one of ${s.enum.map((x) => JSON.stringify(x)).sort().join(', ')}`;
  const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type as string];
  if (types.length === 1) {
    const t = types[0]!;
    if (t === 'integer' || t === 'number') return `${article(t)} ${t}${range(s.minimum, s.maximum)}`;
    if (t === 'string') return s.minLength === 1 ? 'a non-empty string' : s.maxLength !== undefined ? `a string of at most ${s.maxLength} characters` : 'a string';
    if (t === 'boolean') return 'true or false';
    if (t === 'object') return 'an object';
    if (t === 'array') {
      const of = s.items?.type === 'string' ? ' of strings' : s.items?.type === 'object' || s.items?.properties ? ' of objects' : '';
      const size = s.minItems !== undefined ? ` with at least ${s.minItems} item${s.minItems === 1 ? '' : 's'}` : s.maxItems !== undefined ? ` with at most ${s.maxItems} items` : '';
      return `a list${of}${size}`;
    }
  }
  if (types.length > 1) return types.map((t) => `${article(t)} ${t === 'array' ? 'list' : t}`).join(' or ');
  return `a value${range(s.minimum, s.maximum)}`;
}

function range(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return ` between ${min} and ${max}`;
  if (min !== undefined) return ` of at least ${min}`;
  if (max !== undefined) return ` of at most ${max}`;
  return '';
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (Array.isArray(v)) return 'a list';
  if (isObject(v)) return 'an object';
  return String(v);
}

/** The usual YAML slip behind a type error: a number or boolean where a string belongs, or quotes around a number. */
function hint(s: SchemaNode, v: unknown): string {
  const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
  if (types.length === 1 && types[0] === 'string' && (typeof v === 'number' || typeof v === 'boolean')) {
    // Only when quoting is the whole fix: `10` for a duration needs a unit, not quotes.
    return s.pattern === undefined || new RegExp(s.pattern, 'u').test(String(v)) ? ' (put the value in quotes)' : '';
  }
  if (typeof v !== 'string' || types.includes('string')) return '';
  if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?$/.test(v)) return ' (remove the quotes)';
  if (types.includes('boolean') && /^(true|false)$/.test(v)) return ' (remove the quotes)';
  return '';
}
