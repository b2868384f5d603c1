// Command-line parsing shared by the commands (node:util parseArgs), with usage errors as one line.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Options every command that reads manifests accepts. */
export const INPUT_OPTIONS = {
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  'ignore-pattern': { type: 'string', multiple: true },
  namespace: { type: 'string', short: 'n' },
  'stdin-filename': { type: 'string' },
  'mesh-config': { type: 'string' },
  'no-assume-injected': { type: 'boolean' },
  'max-file-size': { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpec;

/** Options of the commands that run or list rules (lint, rules, explain). */
export const RULES_OPTIONS = {
  'rules-file': { type: 'string', multiple: true },
} as const satisfies OptionSpec;

export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

export function parse<T extends OptionSpec>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw new UsageError(msg.replace(/\. To specify a positional argument.*$/, '').replace(/^TypeError \[\w+\]: /, ''));
  }
}

/** "20MB", "512k", "1048576" → bytes. */
export function parseSize(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const m = /^(\d+)\s*([kmg]i?b?|b)?$/i.exec(text.trim());
  if (!m) throw new UsageError(`--max-file-size: expected a size such as 20MB or 1048576, got ${JSON.stringify(text)}`);
  const unit = (m[2] ?? 'b').toLowerCase()[0]!;
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Number(m[1]) * mult;
}

// As kubectl -n: a namespace name is a DNS-1123 label, and any other value would name resources no cluster can hold.
function parseNamespace(ns: string | undefined): string | undefined {
  if (ns === undefined || (ns.length <= 63 && /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/.test(ns))) return ns;
  throw new UsageError(`--namespace: ${JSON.stringify(ns)} is not a namespace name (at most 63 lowercase letters, digits or '-', starting and ending with a letter or digit)`);
}

export function inputOptions(values: Record<string, unknown>, positionals: string[]) {
  return {
    paths: positionals,
    config: values.config as string | undefined,
    noConfig: values['no-config'] === true,
    ignorePatterns: (values['ignore-pattern'] as string[] | undefined) ?? [],
    namespace: parseNamespace(values.namespace as string | undefined),
    stdinFilename: values['stdin-filename'] as string | undefined,
    meshConfig: values['mesh-config'] as string | undefined,
    assumeInjected: values['no-assume-injected'] === true ? false : undefined,
    maxFileSize: parseSize(values['max-file-size'] as string | undefined, DEFAULT_MAX_FILE_SIZE),
    rulesFiles: (values['rules-file'] as string[] | undefined) ?? [],
  };
}
