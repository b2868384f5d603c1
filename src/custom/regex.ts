// Regular expressions from rule files run on RE2 (re2js): linear time, so no pattern can backtrack catastrophically.
import { RE2JS } from 're2js';
import type { RegExpEngine } from 'ajv/dist/types/index.js';
import type { JsonPath } from '../json.js';
import { RuleDataError } from './types.js';

export interface SafeRegex {
  /** As written, for messages: /…/flags. */
  readonly source: string;
  test(s: string): boolean;
}

const FLAGS: Readonly<Record<string, number>> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL };

/** "^a.*" or "/^a.*\/i" (flags i, m, s) → an RE2 matcher that searches anywhere in the string, as RegExp.test does. */
export function compileRegex(text: string, where: JsonPath): SafeRegex {
  const literal = /^\/(.*)\/([a-z]*)$/s.exec(text);
  const pattern = literal ? literal[1]! : text;
  let flags = 0;
  for (const f of literal?.[2] ?? '') {
    const bit = FLAGS[f];
    if (bit === undefined) throw new RuleDataError(where, `regular expression flag "${f}" in ${JSON.stringify(text)} is not supported (use i, m or s)`);
    flags |= bit;
  }
  try {
    const re = RE2JS.compile(pattern, flags);
    return { source: literal ? text : `/${text}/`, test: (s) => re.test(s) };
  } catch (err) {
    throw new RuleDataError(where, `regular expression ${JSON.stringify(text)} is not valid RE2 syntax: ${reason(err)} (RE2 has no backreferences or lookaround)`);
  }
}

function reason(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.replace(/^error parsing regexp: /, '');
}

/** ajv's `pattern` keyword on the same engine, for JSON Schemas given to the `schema` function. */
export const re2Engine: RegExpEngine = Object.assign(
  (pattern: string): { test(s: string): boolean } => {
    const re = RE2JS.compile(pattern);
    return { test: (s: string) => re.test(s) };
  },
  { code: 're2js' },
);
