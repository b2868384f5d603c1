// Ranges of one document, as `yaml` gives them, read from js-yaml's events of that document's slice: about ten
// times cheaper than composing it with `yaml`. Only the shapes whose `yaml` ranges follow simple rules are answered
// (plain and quoted scalars, flow collections, block collections that end in one); for anything else (empty or block
// scalars, comments after a nested block, odd text) the answer is "unsure", and fast-source.ts asks `yaml` itself.
// test/fast-parse.test.ts compares both on every node of every fixture.
import { EVENT_ID, getScalarValue, parseEvents, type Event, type ScalarEvent } from 'js-yaml';
import type { JsonPath } from '../json.js';
import type { Target } from '../types.js';
import { plainKeyText } from './fast-parse.js';

const UNSURE = -1;

interface PNode {
  readonly kind: 'map' | 'seq' | 'scalar';
  readonly flow: boolean;
  /** `yaml`'s range[0], range[1] and range[2] (the end after a trailing comment and line break), or UNSURE. */
  start: number;
  end: number;
  tail: number;
  readonly children: PNode[];
  /** Scalars: the event, to read a key's text. */
  readonly event?: ScalarEvent;
}

/** The positions of one document: range() of the node at a path, or undefined when only `yaml` can tell. */
export interface DocPositions {
  locate(jsonPath: JsonPath, target: Target): [number, number] | undefined;
  readonly root: PNode;
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t';

/**
 * Where a block-context value ending at `p` ends with its trailing spaces, comment and line break (range[2]);
 * unsure when comment lines follow, which `yaml` may count as part of it.
 */
function trailing(text: string, p: number): number {
  let q = p;
  while (isSpace(text[q])) q++;
  if (text[q] === '#') {
    if (q === p) return UNSURE;
    const nl = text.indexOf('\n', q);
    q = nl === -1 ? text.length : nl;
    if (text[q - 1] === '\r') q--;
  }
  if (text[q] === '\r' && text[q + 1] === '\n') return blockTail(text, q + 2);
  if (text[q] === '\n') return blockTail(text, q + 1);
  return q === text.length ? q : UNSURE;
}

/** The end of a flow collection: just past its closing bracket, found after its last item. */
function flowEnd(text: string, node: PNode): number {
  const last = node.children[node.children.length - 1];
  let p = last ? last.end : node.start + 1;
  if (p === UNSURE) return UNSURE;
  for (;;) {
    const c = text[p];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ',') p++;
    else if (c === '#' && (isSpace(text[p - 1]) || text[p - 1] === '\n')) {
      const nl = text.indexOf('\n', p);
      if (nl === -1) return UNSURE;
      p = nl;
    } else break;
  }
  return text[p] === (node.kind === 'map' ? '}' : ']') ? p + 1 : UNSURE;
}

/** `end`, unless comment lines follow it (then they may be part of what ends there). */
function blockTail(text: string, end: number): number {
  let q = end;
  while (q < text.length) {
    let r = q;
    while (isSpace(text[r])) r++;
    if (text[r] === '#') return UNSURE;
    if (text[r] === '\r') r++;
    if (text[r] !== '\n') break;
    q = r + 1;
  }
  return end;
}

function scalarNode(text: string, e: ScalarEvent, inFlow: boolean): PNode {
  const node: PNode = { kind: 'scalar', flow: inFlow, start: UNSURE, end: UNSURE, tail: UNSURE, children: [], event: e };
  if (e.valueStart === -1) return node; // an empty value: `yaml` places it by rules of its own
  if (e.style === 1) {
    node.start = e.valueStart;
    node.end = e.valueEnd;
  } else if (e.style === 2 || e.style === 3) {
    const q = e.style === 2 ? "'" : '"';
    if (text[e.valueStart - 1] !== q || text[e.valueEnd] !== q) return node;
    node.start = e.valueStart - 1;
    node.end = e.valueEnd + 1;
  } else return node; // block scalars
  node.tail = inFlow ? node.end : trailing(text, node.end);
  return node;
}

/** Closes a collection: its end follows from its last item (block) or its closing bracket (flow). */
function close(text: string, node: PNode, inFlow: boolean): void {
  if (node.flow) {
    node.end = flowEnd(text, node);
    node.tail = node.end === UNSURE ? UNSURE : inFlow ? node.end : trailing(text, node.end);
  } else {
    node.end = node.children[node.children.length - 1]?.tail ?? UNSURE;
    node.tail = node.end === UNSURE ? UNSURE : blockTail(text, node.end);
  }
}

/**
 * The positions of the one document in text[start, end), or undefined when js-yaml does not read exactly one
 * document there. Offsets are into the whole text.
 */
export function documentPositions(text: string, start: number, end: number): DocPositions | undefined {
  // Parsing the slice keeps offsets relative to it; a padded copy would cost the whole text, so shift instead.
  const slice = text.slice(start, end);
  let events: Event[];
  try {
    events = parseEvents(slice, {});
  } catch {
    return undefined;
  }
  const stack: PNode[] = [];
  let root: PNode | undefined;
  let docs = 0;
  for (const e of events) {
    if (e.type === EVENT_ID.DOCUMENT) {
      if (++docs > 1) return undefined;
      continue;
    }
    const parent = stack[stack.length - 1];
    const inFlow = parent?.flow ?? false;
    if (e.type === EVENT_ID.POP) {
      const node = stack.pop();
      if (node) close(slice, node, stack[stack.length - 1]?.flow ?? false);
      continue;
    }
    if (e.type === EVENT_ID.ALIAS) return undefined;
    const node: PNode =
      e.type === EVENT_ID.SCALAR ? scalarNode(slice, e, inFlow) : { kind: e.type === EVENT_ID.MAPPING ? 'map' : 'seq', flow: e.style === 2, start: e.start, end: UNSURE, tail: UNSURE, children: [] };
    if (parent) parent.children.push(node);
    else if (root) return undefined;
    else root = node;
    if (e.type !== EVENT_ID.SCALAR) stack.push(node);
  }
  if (!root || docs !== 1) return undefined;
  shift(root, start);
  return { root, locate: (jsonPath, target) => locateIn(slice, root, jsonPath, target) };
}

function shift(node: PNode, by: number): void {
  if (node.start !== UNSURE) node.start += by;
  if (node.end !== UNSURE) node.end += by;
  if (node.tail !== UNSURE) node.tail += by;
  for (const c of node.children) shift(c, by);
}

/** The text `yaml`'s locate compares a key with: String() of its value (so `~` is "null", `0x10` is "16"). */
function keyText(slice: string, key: PNode): string | undefined {
  const e = key.event;
  if (!e) return undefined;
  const raw = getScalarValue(slice, e);
  return e.style === 1 ? plainKeyText(raw) : raw;
}

function child(slice: string, node: PNode, seg: string | number): { key?: PNode; value: PNode } | undefined {
  if (node.kind === 'seq') {
    const v = typeof seg === 'number' ? node.children[seg] : undefined;
    return v && { value: v };
  }
  if (node.kind !== 'map') return undefined;
  const wanted = String(seg);
  let found: { key: PNode; value: PNode } | undefined;
  // The last of equal keys is the one read (fast-path documents have none, but `yaml`'s walk says so).
  for (let i = 0; i + 1 < node.children.length; i += 2) {
    if (keyText(slice, node.children[i]!) === wanted) found = { key: node.children[i]!, value: node.children[i + 1]! };
  }
  return found;
}

/** parse.ts's walk over these nodes; undefined when the range it ends on is not certain. */
function locateIn(slice: string, root: PNode, jsonPath: JsonPath, target: Target): [number, number] | undefined {
  let node = root;
  let best = root;
  for (let i = 0; i < jsonPath.length; i++) {
    const next = child(slice, node, jsonPath[i]!);
    if (!next) break;
    best = i === jsonPath.length - 1 && target === 'key' && next.key ? next.key : next.value;
    node = next.value;
  }
  return best.start === UNSURE || best.end === UNSURE ? undefined : [best.start, best.end];
}
