// Shared by every command: config, paths and stdin → parsed files, plus findings for what could not be read.
import { isAbsolute, resolve, sep } from 'node:path';
import { ConfigError, EMPTY_CONFIG, findConfig, loadConfig, type Config } from '../config.js';
import { discover, display } from '../loader/discover.js';
import { BYTES_PER_VALUE, MAX_VALUES } from '../loader/limits.js';
import { formatSize, readManifestFile } from '../loader/read.js';
import { parseSource, parseYaml, type ParsedFile } from '../loader/parse.js';
import { parseSources, workerPolicyOf, type TextFile } from '../parallel/parse-many.js';
import type { MeshConfigLayer } from '../model/mesh-config.js';
import { asArray, asObject } from '../json.js';
import type { FileReport } from '../types.js';
import { UsageError, type Io } from './io.js';

export interface InputOptions {
  readonly paths: readonly string[];
  readonly config?: string;
  readonly noConfig?: boolean;
  readonly ignorePatterns: readonly string[];
  readonly namespace?: string;
  readonly stdinFilename?: string;
  readonly meshConfig?: string;
  readonly assumeInjected?: boolean;
  readonly maxFileSize: number;
  /** Custom rules files named by --rules-file: skipped when a directory walk meets them. */
  readonly rulesFiles?: readonly string[];
}

export interface LoadedInputs {
  readonly config: Config;
  readonly files: ParsedFile[];
  /** Paths that could not be read, as findings (rule read-error / parse-error). */
  readonly reports: FileReport[];
  readonly defaultNamespace: string;
  readonly assumeInjected: boolean;
  readonly meshLayers: MeshConfigLayer[];
}

const AT_START = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

export function resolveConfig(io: Io, opts: Pick<InputOptions, 'config' | 'noConfig'>): Config {
  if (opts.noConfig) return EMPTY_CONFIG;
  const file = opts.config ? resolve(io.cwd, opts.config) : findConfig(io.cwd);
  if (!file) return EMPTY_CONFIG;
  try {
    return loadConfig(file, display(io.cwd, file));
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message);
    throw err;
  }
}

/** `validate`: whether the manifests will be schema-validated (lint); reports skip that, and parsing shares it. */
export async function loadInputs(io: Io, opts: InputOptions, validate = true): Promise<LoadedInputs> {
  const config = resolveConfig(io, opts);
  const defaultNamespace = opts.namespace ?? config.namespace ?? 'default';
  const assumeInjected = opts.assumeInjected ?? config.assumeInjected ?? true;
  const meshLayers: MeshConfigLayer[] = [];
  if (opts.meshConfig) meshLayers.push(readMeshConfigFile(io, opts.meshConfig, opts.maxFileSize));
  if (config.mesh) meshLayers.push({ origin: display(io.cwd, config.file ?? '.istio-lint.yaml'), config: config.mesh });

  // ignorePatterns in a config file are relative to its folder; --ignore-pattern to the working directory.
  const configDir = config.file ? resolve(config.file, '..') : io.cwd;
  const patterns = [
    ...config.ignorePatterns.map((p) => rebase(configDir, p)),
    ...opts.ignorePatterns,
  ];
  const paths = opts.paths.length ? opts.paths : ['.'];
  const files: ParsedFile[] = [];
  const reports: FileReport[] = [];
  let readAny = false;

  const fsPaths = paths.filter((p) => p !== '-');
  const maxValues = Math.max(MAX_VALUES, Math.floor(opts.maxFileSize / BYTES_PER_VALUE));
  if (paths.includes('-')) {
    const name = opts.stdinFilename ?? '<stdin>';
    const stdin = await readStdinText(io, opts.maxFileSize);
    if (stdin.ok) {
      readAny = true;
      files.push(parseSource(name, stdin.text, { defaultNamespace, maxValues }));
    } else {
      reports.push({ ruleId: 'read-error', message: stdin.message, file: name, range: AT_START });
    }
  }
  if (fsPaths.length) {
    // Custom rules files found in a walk are rules, not manifests (as .istio-lint.yaml is config).
    const rulesFiles = new Set([
      ...asArray(config.raw.rulesFiles).filter((f): f is string => typeof f === 'string').map((f) => resolve(configDir, f)),
      ...(opts.rulesFiles ?? []).map((f) => resolve(io.cwd, f)),
    ]);
    const found = discover(fsPaths, io.cwd, patterns, rulesFiles);
    for (const e of found.errors) reports.push({ ruleId: 'read-error', message: `cannot read ${JSON.stringify(e.path)}: ${e.message}`, file: e.path, range: AT_START });
    const texts: TextFile[] = [];
    for (const abs of found.files) {
      const shown = display(io.cwd, abs);
      const read = readManifestFile(abs, opts.maxFileSize);
      if (!read.ok) {
        const at = read.at ? { start: read.at, end: read.at } : AT_START;
        reports.push({ ruleId: read.ruleId, message: read.message, file: shown, range: at });
        continue;
      }
      readAny = true;
      texts.push({ path: shown, text: read.text });
    }
    files.push(...(await parseSources(texts, { defaultNamespace, maxValues }, workerPolicyOf(io.env.ISTIO_LINT_WORKERS), validate)));
  }
  if (!readAny) {
    const shown = reports.slice(0, 3).map((r) => `${r.file}: ${r.message}`);
    if (reports.length > 3) shown.push(`and ${reports.length - 3} more`);
    throw new UsageError(shown.length ? `no input could be read: ${shown.join('; ')}` : 'no manifest files found (looked for .yaml, .yml and .json)');
  }
  return { config, files, reports, defaultNamespace, assumeInjected, meshLayers };
}

/** Standard input as text, or why there is none. An empty stdin usually means the command piping into us failed. */
async function readStdinText(io: Io, maxBytes: number): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  let text: string;
  try {
    text = await io.readStdin(maxBytes);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { ok: false, message: `cannot read standard input: ${why.split('\n')[0]}` };
  }
  const size = Buffer.byteLength(text, 'utf8');
  if (size > maxBytes) return { ok: false, message: `skipped: standard input is ${formatSize(size)}, over --max-file-size ${formatSize(maxBytes)} (raise the limit to lint it)` };
  if (!text.trim()) return { ok: false, message: 'standard input is empty: nothing to lint (did the command that pipes into istio-lint fail?)' };
  return { ok: true, text };
}

// A config's ignorePatterns are relative to its folder: made absolute (the folder's own name escaped), they
// match wherever the working directory is, even below that folder.
function rebase(configDir: string, pattern: string): string {
  const negated = pattern.startsWith('!');
  const body = negated ? pattern.slice(1) : pattern;
  if (isAbsolute(body)) return pattern;
  const base = configDir.split(sep).join('/').replace(/[\\*?[\]{}()!+@]/g, '\\$&');
  return `${negated ? '!' : ''}${base}/${body.replace(/^\.\//, '')}`;
}

function readMeshConfigFile(io: Io, file: string, maxBytes: number): MeshConfigLayer {
  const read = readManifestFile(resolve(io.cwd, file), maxBytes);
  if (!read.ok) throw new UsageError(`--mesh-config ${file}: cannot read the file: ${read.message.replace(/^skipped: /, "")}`);
  const text = read.text;
  const parsed = parseYaml(file, text);
  const bad = parsed.reports.find((r) => r.severity === undefined);
  if (bad) throw new UsageError(`${file}:${bad.range.start.line}:${bad.range.start.column}: ${bad.message}`);
  const doc = asObject(parsed.documents[0]);
  if (!doc) throw new UsageError(`${file}:1:1: a MeshConfig must be a mapping`);
  // Accept a bare MeshConfig, the istio ConfigMap, or an IstioOperator.
  const meshText = asObject(doc.data)?.mesh;
  if (typeof meshText === 'string') {
    const inner = asObject(parseYaml(file, meshText).documents[0]);
    if (inner) return { origin: `--mesh-config ${file}`, config: inner };
  }
  const fromOperator = asObject(asObject(doc.spec)?.meshConfig);
  return { origin: `--mesh-config ${file}`, config: fromOperator ?? doc };
}

/** The input's sources by displayed path, for code frames. */
export function sourcesOf(files: readonly ParsedFile[]) {
  return new Map(files.map((f) => [f.source.path, f.source]));
}

