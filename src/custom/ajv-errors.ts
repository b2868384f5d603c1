// ajv's errors in words a person reads, with paths as keys and indexes rather than JSON pointers.
import type { ErrorObject } from 'ajv';
import type { JsonPath } from '../json.js';

/** "/customRules/0/then" → ["customRules", 0, "then"]. */
export function pointerPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export interface PlainError {
  /** Where the problem is: for an unknown key, the key itself. */
  readonly path: JsonPath;
  /** Text after the subject: "must be one of …", "is not allowed here". */
  readonly predicate: string;
  /** True when `path` names a key to point at. */
  readonly atKey: boolean;
}

export function plainError(e: ErrorObject): PlainError {
  const path = pointerPath(e.instancePath);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return { path: [...path, String(params.additionalProperty)], predicate: 'is not a known key here', atKey: true };
    case 'required':
      return { path, predicate: `needs the key "${String(params.missingProperty)}"`, atKey: false };
    case 'enum':
      return { path, predicate: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`, atKey: false };
    case 'const':
      return { path, predicate: `must be ${JSON.stringify(params.allowedValue)}`, atKey: false };
    case 'type':
      return { path, predicate: `must be ${article(String(params.type))}`, atKey: false };
    default:
      return { path, predicate: e.message ?? 'is not valid', atKey: false };
  }
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'a string',
  array: 'a list',
  object: 'a mapping',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'null',
};

/** "string,array" → "a string or a list". */
export function article(types: string): string {
  return types
    .split(',')
    .map((t) => TYPE_WORDS[t] ?? t)
    .join(' or ');
}
