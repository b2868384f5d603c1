// Text → SourceFile + Manifests. The only module that knows YAML: everything downstream sees plain JSON and paths.
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import { asObject, asString, type JsonObject, type JsonPath } from '../json.js';
import type { FileReport, Manifest, Range, SourceFile, Target } from '../types.js';
import { isClusterScoped } from './kinds.js';
import { LineIndex } from './source.js';

export interface ParseOptions {
  /** Namespace of namespaced resources that have none (kubectl -n). */
  readonly defaultNamespace: string;
}

export interface ParsedFile {
  readonly source: SourceFile;
  readonly manifests: Manifest[];
  readonly reports: FileReport[];
}

// Bounds for hostile input: an alias bomb is refused once it expands past this many aliases.
const MAX_ALIAS_COUNT = 1000;

type AnyNode = Node | null | undefined;

function resolveNode(node: unknown, doc: Document): AnyNode {
  let cur = node;
  for (let hops = 0; isAlias(cur) && hops < 100; hops++) cur = cur.resolve(doc);
  return cur as AnyNode;
}

function child(node: AnyNode, seg: string | number, doc: Document): { key?: AnyNode; value: AnyNode } | undefined {
  if (isMap(node)) {
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const k = isScalar(item.key) ? item.key.value : item.key;
      if (String(k) === String(seg)) return { key: item.key as AnyNode, value: resolveNode(item.value, doc) };
    }
    return undefined;
  }
  if (isSeq(node) && typeof seg === 'number') {
    const v = node.items[seg];
    return v === undefined ? undefined : { value: resolveNode(v, doc) };
  }
  return undefined;
}

function nodeRange(node: AnyNode): [number, number] | undefined {
  const r = node?.range;
  return r ? [r[0], r[1]] : undefined;
}

export interface ParsedYaml {
  readonly source: SourceFile;
  /** Plain value of each document; undefined where the document could not be read. */
  readonly documents: readonly unknown[];
  readonly reports: FileReport[];
}

/** Parses a YAML (or JSON) text. Never throws: every problem becomes a FileReport with a position. */
export function parseYaml(path: string, rawText: string): ParsedYaml {
  // A BOM is not content; dropping it keeps columns on line 1 right.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const index = new LineIndex(text);
  const reports: FileReport[] = [];
  const documents: unknown[] = [];
  let docs: Document[] = [];

  const source: SourceFile = {
    path,
    text,
    locate(docIndex: number, jsonPath: JsonPath, target: Target = 'value'): Range {
      const doc = docs[docIndex];
      if (!doc) return index.range(0, 0);
      let node = resolveNode(doc.contents, doc);
      let best = nodeRange(node) ?? [doc.range?.[0] ?? 0, doc.range?.[0] ?? 0];
      for (let i = 0; i < jsonPath.length; i++) {
        const next = child(node, jsonPath[i]!, doc);
        if (!next) break;
        const last = i === jsonPath.length - 1;
        const r = last && target === 'key' && next.key ? nodeRange(next.key) : (nodeRange(next.value) ?? nodeRange(next.key));
        if (r) best = r;
        node = next.value;
      }
      return index.range(best[0], best[1]);
    },
    documentRange(docIndex: number): Range {
      const doc = docs[docIndex];
      if (!doc) return index.range(0, 0);
      const r = nodeRange(resolveNode(doc.contents, doc)) ?? [doc.range?.[0] ?? 0, doc.range?.[0] ?? 0];
      return index.range(r[0], r[1]);
    },
    line: (n) => index.line(n),
  };

  const fileReport = (ruleId: string, message: string, start: number, end: number, severity?: FileReport['severity']): void => {
    reports.push({ ruleId, message, file: path, range: index.range(start, end), ...(severity ? { severity } : {}) });
  };

  try {
    const parsed = parseAllDocuments(text, { version: '1.1', merge: true, uniqueKeys: true, prettyErrors: false });
    docs = Array.isArray(parsed) ? parsed : [];
  } catch (err) {
    // The parser is recursive; pathological nesting can exhaust the stack.
    fileReport('parse-error', `cannot parse this file: ${describeError(err)}`, 0, 0);
    return { source, documents, reports };
  }

  docs.forEach((doc, docIndex) => {
    let fatal = false;
    for (const e of doc.errors) {
      const dup = e.code === 'DUPLICATE_KEY';
      fileReport(dup ? 'duplicate-key' : 'parse-error', yamlMessage(e.message, e.code), e.pos[0], e.pos[1]);
      if (!dup) fatal = true;
    }
    for (const w of doc.warnings) {
      fileReport('parse-error', yamlMessage(w.message, w.code), w.pos[0], w.pos[1], 'warning');
    }
    documents.push(undefined);
    if (fatal) return;
    try {
      documents[docIndex] = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      const [s, e] = doc.range ?? [0, 0];
      fileReport('parse-error', `document ${docIndex + 1} cannot be read: ${describeError(err)}`, s, e);
    }
  });
  return { source, documents, reports };
}

/** Parses a manifest text into Kubernetes objects; List items become objects of their own, positions kept. */
export function parseSource(path: string, rawText: string, options: ParseOptions): ParsedFile {
  const { source, documents, reports } = parseYaml(path, rawText);
  const manifests: Manifest[] = [];
  documents.forEach((value, docIndex) => collect(value, docIndex, []));
  return { source, manifests, reports };

  function collect(value: unknown, docIndex: number, basePath: JsonPath): void {
    if (value === null || value === undefined) return; // an empty document is nothing, not a problem
    const obj = asObject(value);
    const apiVersion = asString(obj?.apiVersion);
    const kind = asString(obj?.kind);
    if (!obj || !apiVersion || !kind) {
      const what = !obj ? (Array.isArray(value) ? 'a list' : `a ${typeof value}`) : 'an object without apiVersion and kind';
      const r = source.locate(docIndex, basePath);
      reports.push({
        ruleId: 'not-a-resource',
        severity: 'info',
        file: source.path,
        range: r,
        message: `skipped document ${docIndex + 1}: it is ${what}, not a Kubernetes object`,
      });
      return;
    }
    if (/List$/.test(kind) && Array.isArray(obj.items)) {
      obj.items.forEach((item, i) => collect(item, docIndex, [...basePath, 'items', i]));
      return;
    }
    const metadata = asObject(obj.metadata);
    const declaredNs = asString(metadata?.namespace);
    const clusterScoped = isClusterScoped(kind);
    manifests.push({
      source,
      docIndex,
      basePath,
      value: obj as JsonObject,
      apiVersion,
      kind,
      name: asString(metadata?.name) ?? asString(metadata?.generateName) ?? '',
      namespace: clusterScoped ? '' : (declaredNs || options.defaultNamespace),
      namespaceDefaulted: !clusterScoped && !declaredNs,
    });
  }

}

function yamlMessage(message: string, code: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'DUPLICATE_KEY') return `${first.replace(/\.$/, '')}: a duplicate key is rejected by the API server; keep one`;
  return first.charAt(0).toLowerCase() + first.slice(1);
}

function describeError(err: unknown): string {
  if (err instanceof RangeError) return 'it is nested too deeply';
  const msg = err instanceof Error ? err.message : String(err);
  if (/alias/i.test(msg)) return `too many aliases (more than ${MAX_ALIAS_COUNT}; an alias bomb?)`;
  return msg.split('\n')[0]!;
}
