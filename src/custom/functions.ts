// The `then` functions: each takes the selected value (undefined when the path selected nothing) and says what is wrong.
import { Ajv, type ValidateFunction } from 'ajv';
import { formatPath, type JsonPath, type JsonValue } from '../json.js';
import { plainError, pointerPath } from './ajv-errors.js';
import { compileRegex, re2Engine } from './regex.js';
import { RuleDataError, type ThenSpec } from './types.js';

export interface Failure {
  /** Below the checked node (schema errors point into it); [] for the node itself. */
  readonly path: JsonPath;
  /** Complete sentence fragment, starting with the subject: `spec.x is "y", expected …`. */
  readonly error: string;
  /** The failure is about a key (an unknown property), not its value. */
  readonly atKey?: boolean;
}

/** `subject` names the checked node in messages, e.g. "spec.outboundTrafficPolicy.mode". */
export type CheckFunction = (value: JsonValue | undefined, subject: string) => Failure[];

/** How a value reads in a message: strings quoted, absent as "absent", long structures cut. */
export function show(v: JsonValue | undefined): string {
  if (v === undefined) return 'absent';
  const text = JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const fail = (error: string): Failure[] => [{ path: [], error }];
const FALSY = 'absent, null, false, 0 or ""';

export function compileFunction(then: ThenSpec, where: JsonPath): CheckFunction {
  const opts = then.functionOptions ?? {};
  const optionsAt = [...where, 'functionOptions'];
  const allowed = OPTIONS[then.function];
  for (const key of Object.keys(opts)) {
    if (!allowed.includes(key)) {
      const expected = allowed.length ? `takes only ${allowed.map((k) => `"${k}"`).join(', ')}` : 'takes no functionOptions';
      throw new RuleDataError([...optionsAt, key], `function "${then.function}" ${expected}`);
    }
  }
  switch (then.function) {
    case 'truthy':
      return (v, s) => (v ? [] : fail(`${s} is ${show(v)}, expected a value other than ${FALSY}`));
    case 'falsy':
      return (v, s) => (v ? fail(`${s} is ${show(v)}, expected ${FALSY}`) : []);
    case 'defined':
      return (v, s) => (v === undefined ? fail(`${s} is absent, expected it to be set`) : []);
    case 'undefined':
      return (v, s) => (v === undefined ? [] : fail(`${s} is set to ${show(v)}, expected it to be absent`));
    case 'pattern':
      return patternFunction(opts.match, opts.notMatch, optionsAt);
    case 'enumeration': {
      const values = opts.values;
      if (!values?.length) throw new RuleDataError(optionsAt, 'function "enumeration" needs functionOptions.values, a list of allowed values');
      const list = values.map((x) => JSON.stringify(x)).join(', ');
      return (v, s) => (values.some((x) => x === v) ? [] : fail(`${s} is ${show(v)}, expected one of ${list}`));
    }
    case 'length':
      return lengthFunction(opts.min, opts.max, optionsAt);
    case 'schema':
      return schemaFunction(opts.schema, [...optionsAt, 'schema']);
  }
}

const OPTIONS: Readonly<Record<ThenSpec['function'], readonly string[]>> = {
  truthy: [],
  falsy: [],
  defined: [],
  undefined: [],
  pattern: ['match', 'notMatch'],
  enumeration: ['values'],
  length: ['min', 'max'],
  schema: ['schema'],
};

function patternFunction(match: string | undefined, notMatch: string | undefined, where: JsonPath): CheckFunction {
  if (match === undefined && notMatch === undefined) throw new RuleDataError(where, 'function "pattern" needs functionOptions.match or functionOptions.notMatch');
  const must = match === undefined ? undefined : compileRegex(match, [...where, 'match']);
  const mustNot = notMatch === undefined ? undefined : compileRegex(notMatch, [...where, 'notMatch']);
  return (v, s) => {
    // Numbers and booleans are matched as YAML writes them; a missing or structured value matches nothing.
    const text = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
    if (must && (text === undefined || !must.test(text))) return fail(`${s} is ${show(v)}, expected it to match ${must.source}`);
    if (mustNot && text !== undefined && mustNot.test(text)) return fail(`${s} is ${show(v)}, expected it not to match ${mustNot.source}`);
    return [];
  };
}

function lengthFunction(min: number | undefined, max: number | undefined, where: JsonPath): CheckFunction {
  if (min === undefined && max === undefined) throw new RuleDataError(where, 'function "length" needs functionOptions.min or functionOptions.max');
  if (min !== undefined && max !== undefined && min > max) throw new RuleDataError([...where, 'min'], `min ${min} is greater than max ${max}`);
  return (v, s) => {
    // An absent list is an empty one: Kubernetes treats a missing list and [] alike.
    const n = v === undefined || v === null ? 0 : typeof v === 'string' || Array.isArray(v) ? v.length : typeof v === 'object' ? Object.keys(v).length : undefined;
    if (n === undefined) return fail(`${s} is ${show(v)}, expected a string, list or mapping to measure`);
    if (min !== undefined && n < min) return fail(`${s} ${v === undefined ? 'is absent' : `has length ${n}`}, expected at least ${min}`);
    if (max !== undefined && n > max) return fail(`${s} has length ${n}, expected at most ${max}`);
    return [];
  };
}

function schemaFunction(schema: object | boolean | undefined, where: JsonPath): CheckFunction {
  if (schema === undefined) throw new RuleDataError(where.slice(0, -1), 'function "schema" needs functionOptions.schema, a JSON Schema');
  let validate: ValidateFunction;
  try {
    // A fresh instance per rule: schemas with the same $id in two rules must not collide. Patterns run on RE2.
    const ajv = new Ajv({ allErrors: true, strictSchema: true, strictTypes: false, strictTuples: false, strictRequired: false, logger: false, code: { regExp: re2Engine } });
    validate = ajv.compile(schema);
  } catch (err) {
    throw new RuleDataError(where, `the JSON Schema cannot be used: ${err instanceof Error ? err.message : String(err)}`);
  }
  return (v, s) => {
    if (v === undefined) return fail(`${s} is absent, expected a value the schema accepts`);
    if (validate(v)) return [];
    const seen = new Set<string>();
    const out: Failure[] = [];
    for (const e of validate.errors ?? []) {
      const p = plainError(e);
      const sub = formatPath(p.path);
      const error = `${s}${sub ? (sub.startsWith('[') ? sub : `.${sub}`) : ''} ${p.predicate}`;
      if (seen.has(error)) continue;
      seen.add(error);
      out.push({ path: p.atKey ? p.path : pointerPath(e.instancePath), error, ...(p.atKey ? { atKey: true } : {}) });
    }
    return out;
  };
}
