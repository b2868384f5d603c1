// Rule files and the config's customRules checked against schemas/custom-rules.schema.json, then for sense.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { formatPath, isObject, type JsonObject, type JsonPath } from '../json.js';
import { packageRoot } from '../paths.js';
import { article, plainError, pointerPath } from './ajv-errors.js';

export interface Problem {
  readonly path: JsonPath;
  readonly message: string;
  readonly atKey?: boolean;
}

let validator: ValidateFunction | undefined;

function validatorOf(): ValidateFunction {
  if (!validator) {
    const schema = JSON.parse(readFileSync(join(packageRoot(), 'schemas', 'custom-rules.schema.json'), 'utf8')) as object;
    validator = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  return validator;
}

// The rule-level oneOf (structural or reach) is explained by formProblem in words; its raw errors are noise.
// Inside a $ref, ajv's schemaPath is relative to the referenced definition.
const isFormError = (e: ErrorObject): boolean => /^\/customRules\/\d+$/.test(e.instancePath) && /^#\/oneOf(\/|$)/.test(e.schemaPath);

/** The first problem of a `{customRules: [...]}` document, or undefined when it is valid. */
export function schemaProblem(doc: JsonObject): Problem | undefined {
  const validate = validatorOf();
  if (validate(doc)) return undefined;
  const errors = (validate.errors ?? []).filter((e) => !isFormError(e));
  if (!errors.length) return undefined;
  // The earliest rule first; inside it the deepest path (the branch of a oneOf that got furthest).
  const ruleIndex = (e: ErrorObject): number => {
    const p = pointerPath(e.instancePath);
    return p[0] === 'customRules' && typeof p[1] === 'number' ? p[1] : -1;
  };
  const first = Math.min(...errors.map(ruleIndex));
  const mine = errors.filter((e) => ruleIndex(e) === first);
  const depth = Math.max(...mine.map((e) => pointerPath(e.instancePath).length + (e.keyword === 'additionalProperties' ? 1 : 0)));
  const deepest = mine.filter((e) => pointerPath(e.instancePath).length + (e.keyword === 'additionalProperties' ? 1 : 0) === depth);
  const meaningful = deepest.filter((e) => !['oneOf', 'anyOf', 'not', 'if'].includes(e.keyword));
  const pool = meaningful.length ? meaningful : deepest;
  const best = pool.find((e) => e.keyword !== 'type') ?? pool[0]!;
  const plain = plainError(best);
  const where = formatPath(plain.path) || 'the rules file';
  const special = specialMessage(best, where);
  if (special) return { path: plain.path, message: special };
  if (best.keyword === 'type') {
    const types = [...new Set(pool.filter((e) => e.keyword === 'type').map((e) => String((e.params as { type: string }).type)))];
    return { path: plain.path, message: `${where} must be ${article(types.join(','))}` };
  }
  if (best.keyword === 'additionalProperties') return { path: plain.path, message: `unknown key "${String(plain.path[plain.path.length - 1])}" in ${formatPath(plain.path.slice(0, -1)) || 'the rules file'}`, atKey: true };
  return { path: plain.path, message: `${where} ${plain.predicate}` };
}

function specialMessage(e: ErrorObject, where: string): string | undefined {
  const p = e.schemaPath;
  if (p.includes('/properties/id/') && e.keyword === 'pattern') {
    return `${where} must contain a "/" (e.g. "org/require-registry-only") so that it never clashes with a built-in rule, and only letters, digits, ".", "_" and "-" around it`;
  }
  if (p.includes('/properties/given/') && e.keyword === 'pattern') return `${where} must be a JSONPath starting with "$" (the resource)`;
  if (p.includes('/definitions/verdict/')) return `${where} must be one of 200, 502, 503, blackhole, passthrough, direct, or one of them after "!"`;
  if (p.includes('/definitions/port/')) return `${where} must be a port number (1-65535), or one after "!"`;
  return undefined;
}

/** A rule must be either structural (given + then, optional match) or reach, and not both. */
export function formProblem(rule: JsonObject, at: JsonPath): Problem | undefined {
  const id = typeof rule.id === 'string' ? `custom rule "${rule.id}"` : 'this custom rule';
  const has = (k: string): boolean => rule[k] !== undefined;
  if (has('reach') && (has('given') || has('then') || has('match'))) {
    const other = ['given', 'then', 'match'].find(has)!;
    return { path: [...at, other], atKey: true, message: `${id} has both reach and ${other}: a rule is either structural (match, given, then) or reach; split it in two` };
  }
  if (has('reach')) return undefined;
  if (has('given') && !has('then')) return { path: [...at, 'given'], atKey: true, message: `${id} has given but no then: add then: {function: …}` };
  if (has('then') && !has('given')) return { path: [...at, 'then'], atKey: true, message: `${id} has then but no given: add given: $.spec… (a JSONPath)` };
  if (!has('given')) return { path: [...at, 'id'], message: `${id} needs given and then (a structural rule) or reach (a reachability rule)` };
  return undefined;
}

export function isRuleList(v: unknown): v is JsonObject[] {
  return Array.isArray(v) && v.every(isObject);
}
