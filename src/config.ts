// The user's configuration: found by walking up from the working directory, validated, merged with flags.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import { asObject, type JsonObject, type JsonPath } from './json.js';
import { parseYaml } from './loader/parse.js';
import { readManifestFile } from './loader/read.js';
import { packageRoot } from './paths.js';
import type { Range, Severity, Target } from './types.js';

export type RuleSetting = Severity | 'off';

export interface Config {
  /** Absolute path of the file it came from, if any. */
  readonly file?: string;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly ignorePatterns: readonly string[];
  readonly namespace?: string;
  readonly assumeInjected?: boolean;
  readonly failOn?: Severity;
  readonly mesh?: JsonObject;
  /** The config as parsed, for features that read their own sections (expectations, custom rules). */
  readonly raw: JsonObject;
  /** Where a path of the config file is, for findings and errors that point into it (its key with target "key"). */
  locate(path: JsonPath, target?: Target): Range;
}

export const CONFIG_NAMES = ['.istio-lint.yaml', '.istio-lint.yml'];

export class ConfigError extends Error {}

const CONFIG_MAX_BYTES = 16 * 1024 * 1024;

export function findConfig(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_NAMES) {
      const p = join(dir, name);
      if (existsSync(p)) return p;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

export const EMPTY_CONFIG: Config = {
  rules: {},
  ignorePatterns: [],
  raw: {},
  locate: () => ({ start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }),
};

/** Reads and validates a config file. Throws ConfigError with a one-line `file:line:col: message`. */
export function loadConfig(file: string, displayPath: string): Config {
  // Bounded like manifests: a config path may name a device or a pipe.
  const read = readManifestFile(file, CONFIG_MAX_BYTES);
  if (!read.ok) throw new ConfigError(`${displayPath}: cannot read the config file: ${read.message.replace(/^skipped: /, '')}`);
  const parsed = parseYaml(displayPath, read.text);
  const problem = parsed.reports.find((r) => r.severity !== 'warning' && r.severity !== 'info');
  if (problem) throw new ConfigError(`${displayPath}:${problem.range.start.line}:${problem.range.start.column}: ${problem.message}`);
  const value = parsed.documents[0] ?? {};
  const locate = (path: JsonPath, target?: Target): Range => parsed.source.locate(0, path, target);
  const obj = asObject(value);
  if (!obj) throw new ConfigError(`${displayPath}:1:1: the config must be a mapping, got ${Array.isArray(value) ? 'a list' : typeof value}`);
  // YAML 1.1 (as Kubernetes reads it) turns an unquoted `off` into false: that is what the user meant.
  const rules = asObject(obj.rules);
  if (rules) for (const [id, v] of Object.entries(rules)) if (v === false) rules[id] = 'off';
  const errors = validateConfig(obj);
  if (errors.length) {
    const e = errors[0]!;
    const r = locate(e.path, e.target);
    throw new ConfigError(`${displayPath}:${r.start.line}:${r.start.column}: ${e.message}`);
  }
  return {
    file,
    raw: obj,
    rules: (obj.rules ?? {}) as Record<string, RuleSetting>,
    ignorePatterns: ((obj.ignorePatterns ?? []) as string[]).map((p) => p),
    namespace: obj.namespace as string | undefined,
    assumeInjected: obj.assumeInjected as boolean | undefined,
    failOn: obj.failOn as Severity | undefined,
    mesh: asObject(obj.mesh),
    locate,
  };
}

let validator: ((v: unknown) => boolean) & { errors?: ErrorObject[] | null } | undefined;

/** Validation of extra sections (expect, customRules, …) is added to the schema file by the features that own them. */
function validateConfig(obj: JsonObject): { path: JsonPath; message: string; target?: Target }[] {
  if (!validator) {
    const schema = JSON.parse(readFileSync(join(packageRoot(), 'schemas', 'config.schema.json'), 'utf8')) as object;
    // Loaded here, not at start-up: most runs have no config file, and ajv costs a good part of a small run.
    const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
    validator = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  if (validator(obj)) return [];
  return (validator.errors ?? []).map((e) => {
    const path = e.instancePath
      .split('/')
      .slice(1)
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
    const where = path.length ? path.join('.') : 'the config';
    if (e.keyword === 'additionalProperties') {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      return { path: [...path, key], message: `unknown key "${key}" in ${where}`, target: 'key' };
    }
    if (e.keyword === 'enum') {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ');
      return { path, message: `${where} must be one of ${allowed}` };
    }
    return { path, message: `${where} ${e.message ?? 'is invalid'}` };
  });
}
