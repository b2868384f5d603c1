// Text edits that add one item to a YAML sequence and change nothing else: comments, quoting, indentation, line
// endings and every other byte of the file stay as written. The yaml Document API finds the node and renders the new
// item in the file's own style; the edited text is parsed again to prove the edit means what it should.
import { Document, isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';
import type { JsonPath, JsonValue } from '../json.js';
import type { Range, SourceFile } from '../types.js';
import { LineIndex } from './source.js';

const OPTIONS = { version: '1.1', merge: true, uniqueKeys: false, logLevel: 'error' } as const;
type StringType = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';

const parsed = new WeakMap<SourceFile, readonly Document[]>();

function documentsOf(source: SourceFile): readonly Document[] {
  let docs = parsed.get(source);
  if (!docs) parsed.set(source, (docs = parseAllDocuments(source.text, OPTIONS) as Document[]));
  return docs;
}

interface Found {
  readonly node: Node;
  /** The key whose value the node is, when it is a mapping value. */
  readonly key?: Node;
}

/** The node at `path`, written in place: no aliases and no merge keys on the way, since editing those edits elsewhere. */
function nodeAt(doc: Document, path: JsonPath): Found | undefined {
  let node: unknown = doc.contents;
  let key: Node | undefined;
  for (const seg of path) {
    if (isAlias(node)) return undefined;
    if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      key = undefined;
    } else if (isMap(node)) {
      const pair = [...node.items].reverse().find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return undefined;
      node = pair.value;
      key = pair.key as Node;
    } else return undefined;
  }
  if (!node || isAlias(node) || typeof node !== 'object') return undefined;
  return { node: node as Node, ...(key ? { key } : {}) };
}

function quoting(n: unknown): StringType | undefined {
  if (!isScalar(n) || typeof n.value !== 'string') return undefined;
  return n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE' || n.type === 'PLAIN' ? n.type : undefined;
}

/** The quoting the file uses for strings: that of the first string scalar under `node`, else plain. */
function stringTypeOf(node: unknown): StringType {
  let found: StringType | undefined;
  const visit = (n: unknown): void => {
    if (found) return;
    found = quoting(n);
    if (isSeq(n)) n.items.forEach(visit);
    else if (isMap(n)) n.items.forEach((p) => visit(p.value));
  };
  visit(node);
  return found ?? 'PLAIN';
}

/** Strings of the new node take the quoting of the sibling's string at the same place (hosts like hosts, names like names). */
function styleLike(node: unknown, sibling: unknown, fallback: StringType): void {
  if (isScalar(node)) {
    if (typeof node.value === 'string') node.type = quoting(sibling) ?? fallback;
  } else if (isMap(node)) {
    for (const p of node.items) {
      const k = isScalar(p.key) ? p.key.value : undefined;
      const match = isMap(sibling) ? sibling.items.find((q) => isScalar(q.key) && q.key.value === k) : undefined;
      styleLike(p.value, match?.value, fallback);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) styleLike(item, isSeq(sibling) ? sibling.items[sibling.items.length - 1] : undefined, fallback);
  }
}

/** Where a node's last character is: a block collection's range runs on over trailing comments to the next line. */
function contentEnd(n: unknown): number | undefined {
  if ((isMap(n) || isSeq(n)) && !n.flow) {
    const last: unknown = n.items[n.items.length - 1];
    const inner = isPair(last) ? (isScalar(last.value) && last.value.value === null ? last.key : (last.value ?? last.key)) : last;
    return inner ? contentEnd(inner) : undefined;
  }
  return (n as Node | undefined)?.range?.[1];
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Indentation step of nested mappings under `node` (the column difference between a key and its first child key). */
function indentStep(text: string, node: unknown): number {
  let step: number | undefined;
  const visit = (n: unknown): void => {
    if (step !== undefined || !isMap(n) || n.flow) return;
    for (const p of n.items) {
      const k = p.key as Node | undefined;
      const v = p.value;
      if (k?.range && isMap(v) && !v.flow && v.range && v.items[0]) {
        const childKey = v.items[0].key as Node | undefined;
        if (childKey?.range) {
          const d = childKey.range[0] - lineStart(text, childKey.range[0]) - (k.range[0] - lineStart(text, k.range[0]));
          if (d > 0) step = d;
          return;
        }
      }
      visit(v);
    }
  };
  if (isSeq(node)) node.items.forEach(visit);
  return step ?? 2;
}

function render(value: JsonValue, sibling: unknown, type: StringType, indent: number, indentSeq: boolean, flow: boolean): string {
  // Double quotes are also JSON: a JSON manifest stays JSON.
  if (flow && type === 'QUOTE_DOUBLE') return JSON.stringify(value);
  const doc = new Document(value, { version: '1.1' });
  styleLike(doc.contents, sibling, type);
  return doc.toString({ indent, indentSeq, lineWidth: 0, flowCollectionPadding: false, ...(flow ? { collectionStyle: 'flow' as const } : {}) }).replace(/\n$/, '');
}

function plan(text: string, found: Found, value: JsonValue): { offset: number; newText: string } | undefined {
  const seq = found.node;
  if (!isSeq(seq) || !seq.range) return undefined;
  const type = stringTypeOf(seq);
  const last = seq.items[seq.items.length - 1] as Node | undefined;
  if (seq.flow) {
    if (!last) {
      const open = text.indexOf('[', seq.range[0]);
      return open < 0 ? undefined : { offset: open + 1, newText: render(value, undefined, type, 2, false, true) };
    }
    if (!last.range) return undefined;
    return { offset: last.range[1], newText: `, ${render(value, last, type, 2, false, true)}` };
  }
  if (!last?.range) return undefined;
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  // The `- ` of the last item fixes the new item's columns.
  const itemStart = last.range[0];
  let dash: number;
  let gap = ' ';
  let content: number;
  const m = /^( *)-( +)$/.exec(text.slice(lineStart(text, itemStart), itemStart));
  if (m) {
    dash = m[1]!.length;
    gap = m[2]!;
    content = dash + 1 + gap.length;
  } else {
    const first = seq.range[0];
    const before = text.slice(lineStart(text, first), first);
    if (!/^ *$/.test(before) || text[first] !== '-') return undefined;
    dash = before.length;
    content = dash + 2;
  }
  // After the last item's line, its trailing comment included; comment lines below it stay below the new item.
  const end = contentEnd(last);
  if (end === undefined) return undefined;
  let at = text.indexOf('\n', Math.max(itemStart, end - 1));
  if (at < 0) at = text.length;
  else if (text[at - 1] === '\r') at--;
  const keyCol = found.key?.range ? found.key.range[0] - lineStart(text, found.key.range[0]) : undefined;
  const indentSeq = keyCol === undefined ? true : dash > keyCol;
  const lines = render(value, last, type, indentStep(text, seq), indentSeq, false).split('\n');
  const body = lines.map((l, i) => (i === 0 ? l : l ? ' '.repeat(content) + l : l)).join(nl);
  return { offset: at, newText: `${nl}${' '.repeat(dash)}-${gap}${body}` };
}

/**
 * Does the edited document parse back to the old one with `value` appended at `path`, and nothing else changed?
 * Only the document is parsed again, so that many fixes in one large file cost one document each.
 */
function meansAppend(text: string, p: { offset: number; newText: string }, doc: Document, path: JsonPath, value: JsonValue): boolean {
  const contents = doc.contents as Node | null;
  if (!contents?.range || !doc.range) return false;
  const from = lineStart(text, contents.range[0]);
  const to = Math.max(doc.range[2], p.offset);
  if (p.offset < from) return false;
  try {
    const after = parseAllDocuments(text.slice(from, p.offset) + p.newText + text.slice(p.offset, to), OPTIONS) as Document[];
    if (after.length !== 1 || after[0]!.errors.length) return false;
    const expected = doc.toJS({ maxAliasCount: 100 }) as unknown;
    const target = path.reduce<unknown>((v, seg) => (v as Record<string | number, unknown> | undefined)?.[seg], expected);
    if (!Array.isArray(target)) return false;
    target.push(value);
    return JSON.stringify(after[0]!.toJS({ maxAliasCount: 100 })) === JSON.stringify(expected);
  } catch {
    return false;
  }
}

/**
 * An insertion that appends `value` to the sequence at `path` of document `docIndex`, or undefined when the node is
 * not a sequence written in place (absent, an alias, reached through a merge key) or the result would not parse back
 * to exactly the old document with the item added.
 */
export function appendEdit(source: SourceFile, docIndex: number, path: JsonPath, value: JsonValue): { range: Range; newText: string } | undefined {
  const text = source.text;
  const docs = documentsOf(source);
  const doc = docs[docIndex];
  if (!doc || doc.errors.length) return undefined;
  const found = nodeAt(doc, path);
  if (!found?.node.range) return undefined;
  // The same node the loader positions findings at, or the documents were counted differently: no edit.
  const index = new LineIndex(text);
  const here = index.position(found.node.range[0]);
  const located = source.locate(docIndex, path).start;
  if (here.line !== located.line || here.column !== located.column) return undefined;
  const p = plan(text, found, value);
  if (!p) return undefined;

  if (!meansAppend(text, p, doc, path, value)) return undefined;
  const at = index.position(p.offset);
  return { range: { start: at, end: at }, newText: p.newText };
}
