// The action's inputs, from the INPUT_* variables a runner (or action.yml's step env) sets.
import { SEVERITIES, type Severity } from '../types.js';

export interface ActionInputs {
  readonly paths: readonly string[];
  readonly config?: string;
  readonly namespace?: string;
  /** "never" reports but does not fail the step; absent: the config file's failOn, else error. */
  readonly failOn?: Severity | 'never';
  /** Empty: no SARIF file. */
  readonly sarifFile: string;
  readonly category: string;
  readonly report: boolean;
  /** A git revision to diff the reachability against; empty: no diff. */
  readonly baseRef?: string;
  readonly args: readonly string[];
}

export class InputError extends Error {}

/** @actions/core reads INPUT_FAIL-ON; composite steps can only pass INPUT_FAIL_ON. Both work. */
export function readInput(env: Readonly<Record<string, string | undefined>>, name: string): string {
  const upper = name.toUpperCase();
  return (env[`INPUT_${upper}`] ?? env[`INPUT_${upper.replace(/-/g, '_')}`] ?? '').trim();
}

const TRUE = new Set(['true', 'yes', 'on', '1']);
const FALSE = new Set(['false', 'no', 'off', '0']);

function bool(name: string, text: string, fallback: boolean): boolean {
  if (text === '') return fallback;
  if (TRUE.has(text.toLowerCase())) return true;
  if (FALSE.has(text.toLowerCase())) return false;
  throw new InputError(`input ${name}: expected true or false, got ${JSON.stringify(text)}`);
}

/**
 * Splits `args` the way a shell would for plain words and quoted strings ('a b', "a b"); no expansion.
 * Enough for flags such as `--rule selector-no-match=off --ignore-pattern "charts/**"`.
 */
export function splitArgs(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let started = false;
  let quote: '"' | "'" | undefined;
  for (const c of text) {
    if (quote) {
      if (c === quote) quote = undefined;
      else current += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      started = true;
    } else if (/\s/.test(c)) {
      if (started) out.push(current);
      current = '';
      started = false;
    } else {
      current += c;
      started = true;
    }
  }
  if (quote) throw new InputError(`input args: unterminated ${quote} quote in ${JSON.stringify(text)}`);
  if (started) out.push(current);
  return out;
}

export function readInputs(env: Readonly<Record<string, string | undefined>>): ActionInputs {
  const paths = splitArgs(readInput(env, 'paths'));
  const failOn = readInput(env, 'fail-on');
  if (failOn && failOn !== 'never' && !(SEVERITIES as readonly string[]).includes(failOn)) {
    throw new InputError(`input fail-on: expected error, warning, info or never, got ${JSON.stringify(failOn)}`);
  }
  const config = readInput(env, 'config');
  const namespace = readInput(env, 'namespace');
  const baseRef = readInput(env, 'base-ref');
  // An unset variable means the default; an input set to '' in the workflow also arrives as ''.
  const sarifRaw = env['INPUT_SARIF-FILE'] ?? env.INPUT_SARIF_FILE;
  return {
    paths: paths.length ? paths : ['.'],
    ...(config ? { config } : {}),
    ...(namespace ? { namespace } : {}),
    ...(failOn ? { failOn: failOn as Severity | 'never' } : {}),
    sarifFile: sarifRaw === undefined ? 'istio-lint.sarif' : sarifRaw.trim(),
    category: readInput(env, 'category') || 'istio-lint',
    report: bool('report', readInput(env, 'report'), true),
    ...(baseRef ? { baseRef } : {}),
    args: splitArgs(readInput(env, 'args')),
  };
}
