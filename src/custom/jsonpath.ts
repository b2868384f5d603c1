// JSONPath for custom rules: jsonpath-plus with script evaluation switched off, so a rule is data and runs no code.
import { JSONPath } from 'jsonpath-plus';
import { isObject, type JsonPath, type JsonValue } from '../json.js';
import { RuleDataError } from './types.js';

export interface CompiledPath {
  readonly text: string;
  /** jsonpath-plus's own parse, for finding the nearest existing parent when nothing matches. */
  readonly segments: readonly string[];
}

export interface PathHit {
  readonly path: JsonPath;
  readonly value: JsonValue;
  /** The `~` operator selected a property name: point at the key. */
  readonly isKey: boolean;
}

// `[?(…)]` and `[(…)]` are JavaScript in jsonpath-plus (its "safe" evaluator has had escapes: CVE-2024-21534,
// CVE-2025-1302), and `@other()` calls back into the host; all three are refused before anything runs.
const SCRIPT_SEGMENT = /^\??\(|^@other\(\)$/;

export function compilePath(text: string, where: JsonPath): CompiledPath {
  if (!text.startsWith('$')) throw new RuleDataError(where, `JSONPath ${JSON.stringify(text)} must start with "$" (the resource)`);
  const segments = [...JSONPath.toPathArray(text)];
  const script = segments.find((s) => SCRIPT_SEGMENT.test(s));
  if (script !== undefined) {
    throw new RuleDataError(
      where,
      `JSONPath ${JSON.stringify(text)} uses the script expression ${JSON.stringify(script)}; custom rules run no code, so select with names, indexes, [*] and .. and test values with "then"`,
    );
  }
  try {
    evaluate(text, {});
  } catch (err) {
    throw new RuleDataError(where, `JSONPath ${JSON.stringify(text)} cannot be evaluated: ${err instanceof Error ? err.message : String(err)}`);
  }
  return { text, segments };
}

function evaluate(path: string, json: JsonValue): unknown[] {
  const out: unknown = JSONPath({ path, json, eval: false, resultType: 'all', wrap: true, ignoreEvalErrors: false });
  return Array.isArray(out) ? out : [];
}

/** Every node the path selects, with its path as keys and indexes; duplicates (from `^`) removed. */
export function query(json: JsonValue, p: CompiledPath): PathHit[] {
  const hits: PathHit[] = [];
  const seen = new Set<string>();
  const isKey = p.segments[p.segments.length - 1] === '~';
  for (const r of evaluate(p.text, json)) {
    if (!isObject(r) || typeof r.pointer !== 'string') continue;
    const key = `${isKey}\u0000${r.pointer}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const path = pointerToPath(json, r.pointer);
    if (path) hits.push({ path, value: r.value as JsonValue, isKey });
  }
  return hits;
}

/** "/spec/egress/0" → ["spec", "egress", 0], typing each step by the node it walks through. */
function pointerToPath(json: JsonValue, pointer: string): JsonPath | undefined {
  if (pointer === '') return [];
  const out: (string | number)[] = [];
  let cur: JsonValue | undefined = json;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      const i = Number(seg);
      if (!Number.isInteger(i)) return undefined;
      out.push(i);
      cur = cur[i];
    } else if (isObject(cur)) {
      out.push(seg);
      cur = Object.prototype.hasOwnProperty.call(cur, seg) ? cur[seg] : undefined;
    } else {
      return undefined;
    }
  }
  return out;
}

/** The deepest node that exists along the literal prefix of a path (names and indexes before any wildcard). */
export function nearestExisting(json: JsonValue, segments: readonly string[]): JsonPath {
  const out: (string | number)[] = [];
  let cur: JsonValue | undefined = json;
  for (const seg of segments[0] === '$' ? segments.slice(1) : segments) {
    if (Array.isArray(cur) && /^\d+$/.test(seg) && Number(seg) < cur.length) {
      out.push(Number(seg));
      cur = cur[Number(seg)];
    } else if (isObject(cur) && !/^(\*|\.\.|~|\^)$/.test(seg) && Object.prototype.hasOwnProperty.call(cur, seg)) {
      out.push(seg);
      cur = cur[seg];
    } else {
      break;
    }
  }
  return out;
}

/** How a path reads in a message: spec.egress[*].hosts[*], spec..hosts. */
export function displaySegments(segments: readonly string[]): string {
  let out = '';
  for (const seg of segments[0] === '$' ? segments.slice(1) : segments) {
    if (seg === '..') out += '..';
    else if (seg === '*' || /^-?\d*(:-?\d*){0,2}$/.test(seg) || seg.includes(',')) out += `[${seg}]`;
    else if (seg === '~' || seg === '^' || seg.startsWith('@')) out += seg;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out && !out.endsWith('..') ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
