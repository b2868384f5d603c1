// The fast path of parseYaml for plain files (no tags, anchors, merge keys, directives, duplicate or complex keys):
// js-yaml's event parser reads them about 3× faster than `yaml`. Values are the ones the `yaml` path gives (plain
// scalars are resolved by the `yaml` schema's own tags); positions are worked out only for the documents a finding
// points at, from that document's slice of the text (fast-source.ts). Anything else returns undefined, and the
// caller takes the `yaml` path with its messages. test/fast-parse.test.ts proves both paths equal on every fixture.
import { EVENT_ID, getScalarValue, NOT_RESOLVED, parseEvents, type Event } from 'js-yaml';
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

// Numbers that JSON text cannot carry (.nan, .inf, -0): a worker thread sends documents as JSON text only when a
// file has none (parse-many.ts).
const isJsonNumber = (v: unknown): boolean => typeof v !== 'number' || (Number.isFinite(v) && !Object.is(v, -0));

/** An open mapping or sequence, and for a mapping the key read last, whose value comes next. */
interface Open {
  readonly value: Record<string, unknown> | unknown[];
  readonly isMap: boolean;
  key: string | undefined;
}

interface Built {
  readonly documents: unknown[];
  /** Offset of each document's root node. */
  readonly roots: number[];
  readonly jsonSafe: boolean;
}

/**
 * The documents' values, built in one pass over js-yaml's events; undefined when the events hold something the
 * fast path leaves to `yaml`: directives, tags, anchors and aliases, `<<` (merge keys), collections or long or
 * multi-line scalars as keys, duplicate keys. Scalars are js-yaml's (quotes, escapes, block scalars); plain ones are
 * resolved as `yaml` resolves them; keys are written as `yaml`'s toJS writes them (null → "", others String()),
 * inherited names (`__proto__`) as own properties.
 */
function buildDocuments(events: readonly Event[], text: string): Built | undefined {
  const documents: unknown[] = [];
  const roots: number[] = [];
  const open: Open[] = [];
  let jsonSafe = true;
  let root: unknown;
  let expectRoot = false;
  // Adds a finished node to the open collection, or makes it the document's root.
  const add = (value: unknown): boolean => {
    const top = open[open.length - 1];
    if (!top) {
      root = value;
      return true;
    }
    if (!top.isMap) {
      (top.value as unknown[]).push(value);
      return true;
    }
    const obj = top.value as Record<string, unknown>;
    const k = top.key!;
    top.key = undefined;
    if (!(k in obj)) obj[k] = value;
    else if (Object.hasOwn(obj, k)) return false; // a duplicate key: `yaml` says where
    else Object.defineProperty(obj, k, { value, writable: true, enumerable: true, configurable: true });
    return true;
  };
  for (const e of events) {
    if (e.type === EVENT_ID.DOCUMENT) {
      if (e.directives.length) return undefined;
      root = undefined;
      expectRoot = true;
      continue;
    }
    if (e.type === EVENT_ID.POP) {
      const done = open.pop();
      if (!done) documents.push(root);
      else if (done.key !== undefined || !add(done.value)) return undefined;
      continue;
    }
    if (e.type === EVENT_ID.ALIAS || e.anchorStart !== -1 || e.tagStart !== -1) return undefined;
    const top = open[open.length - 1];
    const isKey = top !== undefined && top.isMap && top.key === undefined;
    if (e.type !== EVENT_ID.SCALAR) {
      if (isKey) return undefined;
      if (expectRoot) roots.push(e.start);
      expectRoot = false;
      open.push({ value: e.type === EVENT_ID.MAPPING ? {} : [], isMap: e.type === EVENT_ID.MAPPING, key: undefined });
      continue;
    }
    if (expectRoot) roots.push(e.valueStart);
    expectRoot = false;
    const plain = e.style === 1;
    if (plain && e.valueEnd - e.valueStart === 2 && text.startsWith('<<', e.valueStart)) return undefined;
    // `yaml` refuses implicit keys over 1024 characters or over several lines; leave near misses to it too.
    if (isKey && (e.valueEnd - e.valueStart > 1000 || (e.valueStart !== -1 && text.lastIndexOf('\n', e.valueEnd) >= e.valueStart))) return undefined;
    const source = getScalarValue(text, e);
    let value: unknown = source;
    if (plain) {
      const resolved = resolvePlain(source);
      if (resolved !== NOT_RESOLVED) value = resolved;
      if (!isJsonNumber(value)) jsonSafe = false;
    }
    if (isKey) top.key = keyString(value);
    else if (!add(value)) return undefined;
  }
  return open.length ? undefined : { documents, roots, jsonSafe: jsonSafe && !documents.includes(undefined) };
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
    const built = buildDocuments(parseEvents(text, {}), text);
    return built && { documents: built.documents, slices: documentSlices(text, built.roots), jsonSafe: built.jsonSafe };
  } catch {
    return undefined; // syntax errors, too deep: the `yaml` path says what and where
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
