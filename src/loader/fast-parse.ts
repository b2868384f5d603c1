// The fast path of parseYaml for plain files (no tags, anchors, merge keys, directives, duplicate or complex keys):
// js-yaml's event parser reads them about 3× faster than `yaml`. Values are the ones the `yaml` path gives (plain
// scalars are resolved by the `yaml` schema's own tags); positions come from `yaml` too, but only for the documents
// a finding points at, composed from that document's slice of the text. Anything else returns undefined, and the
// caller takes the `yaml` path with its messages. test/fast-parse.test.ts proves both paths equal on every fixture.
import { constructFromEvents, defineMappingTag, defineScalarTag, EVENT_ID, NOT_RESOLVED, parseEvents, Schema, seqTag, strTag, type Event } from 'js-yaml';
import { Document, isScalar, type DocumentOptions, type ParseOptions, type SchemaOptions, type ScalarTag } from 'yaml';
import type { SourceFile } from '../types.js';
import { fastSource, type Slice } from './fast-source.js';
import type { LineIndex } from './source.js';
import { YAML_OPTIONS } from './yaml-options.js';

type Options = ParseOptions & DocumentOptions & SchemaOptions;
interface Resolver {
  readonly tags: readonly ScalarTag[];
  readonly options: Options;
}
let resolver: Resolver | undefined;

/** The implicit scalar tags of YAML_OPTIONS' schema, in the order `yaml` tries them. */
function resolverOf(): Resolver {
  if (resolver) return resolver;
  const doc = new Document(null, YAML_OPTIONS);
  const tags = doc.schema.tags.filter((t): t is ScalarTag => t.default === true && !('collection' in t && t.collection) && t.test instanceof RegExp);
  return (resolver = { tags, options: doc.options as Options });
}

class Unsupported extends Error {}
const fail = (): never => {
  throw new Unsupported();
};

// Manifests repeat their plain scalars (kinds, labels, ports) thousands of times: remember the answers, up to a bound.
const resolved = new Map<string, unknown>();
const MAX_REMEMBERED = 50_000;

/**
 * The first characters of every plain scalar that YAML 1.1 reads as other than a string: null (`~`, `null`, empty),
 * booleans (y, yes, n, no, true, false, on, off in their cases), numbers (sign, digit, `.5`, `.inf`, `.nan`).
 * Names, kinds and most labels start elsewhere and skip the tags and the memo; test/fast-parse.test.ts checks the
 * list against the tags themselves.
 */
export const MAY_RESOLVE = /^(?:$|[~nNyYtTfFoO+\-.0-9])/;

/** A plain scalar's value as `yaml` resolves it (first matching tag), or NOT_RESOLVED for a string. */
export function resolvePlain(source: string): unknown {
  if (!MAY_RESOLVE.test(source)) return NOT_RESOLVED;
  const known = resolved.get(source);
  if (known !== undefined || resolved.has(source)) return known;
  const { tags, options } = resolverOf();
  let value: unknown = NOT_RESOLVED;
  for (const tag of tags) {
    if (!tag.test!.test(source)) continue;
    const res: unknown = tag.resolve(source, fail, options);
    value = isScalar(res) ? res.value : res;
    break;
  }
  if (resolved.size < MAX_REMEMBERED) resolved.set(source, value);
  return value;
}

const keyString = (key: unknown): string => (key === null ? '' : String(key));

/** String() of a plain key's value, as `yaml`'s locate compares keys (`~` is "null", `0x10` is "16"). */
export function plainKeyText(source: string): string {
  const v = resolvePlain(source);
  return v === NOT_RESOLVED ? source : String(v);
}

// Keys as `yaml`'s toJS writes them: null → "", others String(); inherited names (__proto__) become own properties.
const objectMapTag = defineMappingTag<Record<string, unknown>>('tag:yaml.org,2002:map', {
  create: () => ({}),
  addPair(obj, key, value) {
    if (key !== null && typeof key === 'object') return 'complex key';
    const k = keyString(key);
    if (Object.hasOwn(obj, k)) return 'duplicate key';
    if (k in obj) Object.defineProperty(obj, k, { value, writable: true, enumerable: true, configurable: true });
    else obj[k] = value;
    return '';
  },
  has: (obj, key) => Object.hasOwn(obj, keyString(key)),
  keys: (obj) => Object.keys(obj),
  get: (obj, key) => obj[keyString(key)],
  identify: () => false,
});

// How many plain scalars became numbers that JSON text cannot carry (.nan, .inf, -0): a worker thread sends
// documents as JSON text only when none did (parse-many.ts).
let notJson = 0;
const isJsonNumber = (v: unknown): boolean => typeof v !== 'number' || (Number.isFinite(v) && !Object.is(v, -0));

const plainTag = defineScalarTag('tag:istio-lint,2025:yaml-1.1-plain', {
  implicit: true,
  implicitFirstChars: null,
  resolve: (source, isExplicit) => {
    if (isExplicit) return NOT_RESOLVED;
    const value = resolvePlain(source);
    if (!isJsonNumber(value)) notJson++;
    return value;
  },
  identify: () => false,
});

const SCHEMA = new Schema([strTag, seqTag, objectMapTag, plainTag]);

/**
 * Offsets of the documents' roots, or undefined when the events hold something the fast path leaves to `yaml`:
 * directives, tags, anchors and aliases, `<<` (merge keys), collections or long or multi-line scalars as keys.
 */
function plainDocuments(events: readonly Event[], text: string): number[] | undefined {
  const roots: number[] = [];
  // Per open collection: whether it is a mapping, and how many nodes it holds so far (keys at even counts).
  const isMap: boolean[] = [];
  const counts: number[] = [];
  let expectRoot = false;
  for (const e of events) {
    if (e.type === EVENT_ID.POP) {
      isMap.pop();
      counts.pop();
      continue;
    }
    if (e.type === EVENT_ID.DOCUMENT) {
      if (e.directives.length) return undefined;
      isMap.push(false);
      counts.push(0);
      expectRoot = true;
      continue;
    }
    if (e.type === EVENT_ID.ALIAS || e.anchorStart !== -1 || e.tagStart !== -1) return undefined;
    const top = counts.length - 1;
    if (isMap[top] && counts[top]! % 2 === 0) {
      // `yaml` refuses implicit keys over 1024 characters or over several lines; leave near misses to it too.
      if (e.type !== EVENT_ID.SCALAR) return undefined;
      if (e.valueEnd - e.valueStart > 1000 || (e.valueStart !== -1 && text.lastIndexOf('\n', e.valueEnd) >= e.valueStart)) return undefined;
    }
    counts[top]!++;
    if (e.type === EVENT_ID.SCALAR) {
      if (e.style === 1 && e.valueEnd - e.valueStart === 2 && text.startsWith('<<', e.valueStart)) return undefined;
      if (expectRoot) roots.push(e.valueStart);
    } else {
      if (expectRoot) roots.push(e.start);
      isMap.push(e.type === EVENT_ID.MAPPING);
      counts.push(0);
    }
    expectRoot = false;
  }
  return roots;
}

const MARKER = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;

/**
 * Each document's slice of the text, from its `---` line to the next one, when that split is certain: one
 * document per marker (plus one before the first marker when it has content), no `...` markers, each root
 * inside its slice. Otherwise undefined, and positions come from composing the whole file.
 */
function documentSlices(text: string, roots: readonly number[]): Slice[] | undefined {
  const starts: number[] = [];
  for (const m of text.matchAll(MARKER)) {
    if (m[0] === '...') return undefined;
    starts.push(m.index);
  }
  if (roots.length === starts.length + 1) starts.unshift(0);
  else if (roots.length !== starts.length) return undefined;
  const slices = starts.map((s, i): Slice => [s, starts[i + 1] ?? text.length]);
  for (let i = 0; i < roots.length; i++) {
    const r = roots[i]!;
    if (r !== -1 && (r < slices[i]![0] || r >= slices[i]![1])) return undefined;
  }
  return slices;
}

/** parseYaml drops a byte order mark before reading (it is not content); so must whoever reads ahead. */
export const withoutBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** What the fast path reads from a text: plain data, so that a worker thread can compute it (parse-many.ts). */
export interface FastDocuments {
  /** The value of each document. */
  readonly documents: unknown[];
  /** Each document's slice of the text, when certain (see documentSlices). */
  readonly slices: Slice[] | undefined;
  /** Whether JSON.parse(JSON.stringify(documents)) gives the documents back exactly. */
  readonly jsonSafe: boolean;
}

/** Reads a plain YAML text with js-yaml, or returns undefined (then the `yaml` path must read it). */
export function fastDocuments(text: string): FastDocuments | undefined {
  try {
    const events = parseEvents(text, {});
    const roots = plainDocuments(events, text);
    if (!roots) return undefined;
    const before = notJson;
    // json: no `has` before each addPair, which finds duplicate keys itself (merge keys never reach this path).
    const documents = constructFromEvents(events, { source: text, schema: SCHEMA, json: true });
    if (documents.length !== roots.length) return undefined;
    return { documents, slices: documentSlices(text, roots), jsonSafe: notJson === before && !documents.includes(undefined) };
  } catch {
    return undefined; // syntax errors, duplicate keys, too deep: the `yaml` path says what and where
  }
}

// Results computed ahead (by parse-many.ts, in a worker), taken once by the parseYaml call for the same text.
const ahead = new Map<string, { readonly text: string; readonly result: FastDocuments | undefined }>();

/** Hands parseYaml the fast path's result for `text` at `path`, computed elsewhere. */
export function provideFastDocuments(path: string, text: string, result: FastDocuments | undefined): void {
  ahead.set(path, { text, result });
}

/** The fast path of parseYaml: the file's values and a SourceFile with lazy positions, or undefined. */
export function fastParseYaml(path: string, text: string, index: LineIndex): { source: SourceFile; documents: unknown[] } | undefined {
  const given = ahead.get(path);
  if (given) ahead.delete(path);
  const fast = given && given.text === text ? given.result : fastDocuments(text);
  if (!fast) return undefined;
  return { source: fastSource(path, text, index, fast.slices), documents: fast.documents };
}
