// Text → SourceFile + Manifests. The only module that knows YAML: everything downstream sees plain JSON and paths.
import { Composer, isAlias, isMap, isPair, isScalar, isSeq, Parser, type CST, type Document, type Node, type Scalar } from 'yaml';
import { asObject, asString, formatPath, type JsonObject, type JsonPath } from '../json.js';
import type { FileReport, Manifest, Range, SourceFile, Target } from '../types.js';
import { isClusterScoped } from './kinds.js';
import { indentedTooFar, MAX_ALIAS_COUNT, MAX_VALUES, tooDeepAt, tooManyValues, valueTooDeep } from './limits.js';
import { isMergeKey, locateIn, nodeRange, resolveNode } from './locate.js';
import { duplicateKeyMessage, farRightMessage, fileErrorMessage, tooDeepMessage, tooManyValuesMessage, unreadableDocumentMessage, yamlMessage } from './messages.js';
import { LineIndex } from './source.js';
import { fastParseYaml } from './fast-parse.js';
import { YAML_OPTIONS } from './yaml-options.js';

export interface ParseOptions {
  /** Namespace of namespaced resources that have none (kubectl -n). */
  readonly defaultNamespace: string;
  /** Most values read from one file (default MAX_VALUES); the CLI scales it with --max-file-size. */
  readonly maxValues?: number;
}

export interface ParsedFile {
  readonly source: SourceFile;
  readonly manifests: Manifest[];
  readonly reports: FileReport[];
}

export interface ParsedYaml {
  readonly source: SourceFile;
  /** Plain value of each document; undefined where the document could not be read. */
  readonly documents: readonly unknown[];
  readonly reports: FileReport[];
}

/** Parses a YAML (or JSON) text. Never throws: every problem becomes a FileReport with a position. */
export function parseYaml(path: string, rawText: string, maxValues: number = MAX_VALUES): ParsedYaml {
  // A BOM is not content; dropping it keeps columns on line 1 right.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const index = new LineIndex(text);
  const reports: FileReport[] = [];
  const documents: unknown[] = [];
  const docs: Document[] = [];

  const source: SourceFile = {
    path,
    text,
    locate(docIndex: number, jsonPath: JsonPath, target: Target = 'value'): Range {
      const doc = docs[docIndex];
      if (!doc) return index.range(0, 0);
      const [start, end] = locateIn(doc, jsonPath, target);
      return index.range(start, end);
    },
    documentRange(docIndex: number): Range {
      const doc = docs[docIndex];
      if (!doc) return index.range(0, 0);
      const r = nodeRange(resolveNode(doc.contents, doc)) ?? [doc.range?.[0] ?? 0, doc.range?.[0] ?? 0];
      return index.range(r[0], r[1]);
    },
    line: (n) => index.line(n),
  };

  const report = (ruleId: string, message: string, start: number, end: number, severity?: FileReport['severity']): void => {
    reports.push({ ruleId, message, file: path, range: index.range(start, end), ...(severity ? { severity } : {}) });
  };

  if (tooManyValues(text, maxValues)) {
    report('parse-error', tooManyValuesMessage(maxValues), 0, 0);
    return { source, documents, reports };
  }
  const farRight = indentedTooFar(text);
  if (farRight !== undefined) {
    report('parse-error', farRightMessage(), farRight, farRight + 1);
    return { source, documents, reports };
  }
  // Plain files (nearly all) take js-yaml's faster path, with the same values and positions; the others, and
  // every problem, are read by `yaml` below (see fast-parse.ts).
  const fast = fastParseYaml(path, text, index);
  if (fast) return { source: fast.source, documents: fast.documents, reports };
  // Documents nested too deeply are composed empty: the composer recurses once per level, the CST does not.
  const tooDeep: (number | undefined)[] = [];
  try {
    const composer = new Composer(YAML_OPTIONS);
    for (const token of new Parser().parse(text)) {
      let tok: CST.Token = token;
      if (token.type === 'document') {
        const at = tooDeepAt(token);
        tooDeep.push(at);
        if (at !== undefined) tok = { ...token, value: undefined };
      }
      for (const d of composer.next(tok)) docs.push(d);
    }
    for (const d of composer.end(false, text.length)) docs.push(d);
    if (!docs.length) {
      const info = composer.streamInfo();
      for (const e of info.errors) report('parse-error', yamlMessage(e.message, e.code), e.pos[0], e.pos[1]);
    }
  } catch (err) {
    docs.length = 0;
    report('parse-error', fileErrorMessage(err), 0, 0);
    return { source, documents, reports };
  }

  docs.forEach((doc, docIndex) => {
    documents.push(undefined);
    const deepAt = tooDeep[docIndex];
    if (deepAt !== undefined) {
      report('parse-error', tooDeepMessage(docIndex, false), deepAt, deepAt + 1);
      return;
    }
    // Later syntax errors mostly follow from the first one (as kubectl, show that one), but say how many.
    const [first, ...more] = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0]);
    if (first) {
      const rest = more.length ? ` (and ${more.length} more syntax error${more.length === 1 ? '' : 's'} in document ${docIndex + 1})` : '';
      report('parse-error', yamlMessage(first.message, first.code) + rest, first.pos[0], first.pos[1]);
    }
    for (const w of doc.warnings) report('parse-error', yamlMessage(w.message, w.code), w.pos[0], w.pos[1], 'warning');
    if (doc.errors.length) return;
    const { duplicates, hasAliases, complexKeys } = scanKeys(doc);
    for (const key of complexKeys) {
      const [s, e] = nodeRange(key) ?? [0, 0];
      report('parse-error', 'a mapping or list is used as a key: Kubernetes objects need plain keys (check the indentation or quote the key)', s, e);
    }
    for (const dup of duplicates) {
      const [s, e] = nodeRange(dup.key) ?? [0, 0];
      report('duplicate-key', duplicateKeyMessage(dup.name, index.position(dup.firstAt).line), s, e);
    }
    const [docStart, docEnd] = nodeRange(doc.contents) ?? [doc.range?.[0] ?? 0, doc.range?.[0] ?? 0];
    try {
      const value: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      // Only aliases can make the value deeper than the text, which tooDeepAt has measured.
      if (hasAliases && valueTooDeep(value)) report('parse-error', tooDeepMessage(docIndex, true), docStart, docEnd);
      else documents[docIndex] = value;
    } catch (err) {
      report('parse-error', unreadableDocumentMessage(docIndex, err), docStart, docEnd);
    }
  });
  return { source, documents, reports };
}

/** Keys written twice in one mapping (merged keys are not duplicates: that is what `<<` is for), and whether aliases occur. */
function scanKeys(doc: Document): { duplicates: { name: string; key: Scalar; firstAt: number }[]; hasAliases: boolean; complexKeys: Node[] } {
  const duplicates: { name: string; key: Scalar; firstAt: number }[] = [];
  const complexKeys: Node[] = [];
  let hasAliases = false;
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isAlias(node)) hasAliases = true;
    if (isSeq(node)) for (const item of node.items) stack.push(item);
    if (!isMap(node)) continue;
    const seen = new Map<string, number>();
    for (const item of node.items as unknown[]) {
      if (!isPair(item)) continue;
      stack.push(item.key, item.value);
      const key = item.key;
      if (isMap(key) || isSeq(key)) complexKeys.push(key);
      if (!isScalar(key) || isMergeKey(key)) continue;
      const name = String(key.value);
      const first = seen.get(name);
      if (first === undefined) seen.set(name, key.range?.[0] ?? 0);
      else duplicates.push({ name, key, firstAt: first });
    }
  }
  return { duplicates, hasAliases, complexKeys };
}

/** Parses a manifest text into Kubernetes objects; List items become objects of their own, positions kept. */
export function parseSource(path: string, rawText: string, options: ParseOptions): ParsedFile {
  const { source, documents, reports } = parseYaml(path, rawText, options.maxValues);
  const manifests: Manifest[] = [];
  documents.forEach((value, docIndex) => collect(value, docIndex, []));
  return { source, manifests, reports };

  function skip(docIndex: number, basePath: JsonPath, message: string, severity: 'info' | 'warning', at: JsonPath = basePath): void {
    const where = basePath.length ? `${formatPath(basePath)} of document ${docIndex + 1}` : `document ${docIndex + 1}`;
    reports.push({ ruleId: 'not-a-resource', severity, file: source.path, range: source.locate(docIndex, at), message: `skipped ${where}: ${message}` });
  }

  function collect(value: unknown, docIndex: number, basePath: JsonPath): void {
    if (value === null || value === undefined) return; // an empty document is nothing, not a problem
    const obj = asObject(value);
    if (!obj) {
      const what = Array.isArray(value) ? 'a list' : `a ${typeof value}`;
      return skip(docIndex, basePath, `it is ${what}, not a Kubernetes object`, 'info');
    }
    const apiVersion = asString(obj.apiVersion);
    const kind = asString(obj.kind);
    if (!apiVersion || !kind) {
      const has = (k: string): boolean => Object.hasOwn(obj, k);
      if (!has('apiVersion') && !has('kind')) {
        return skip(docIndex, basePath, 'it has no apiVersion and kind, so it is not a Kubernetes object', 'info');
      }
      // Half a resource is a broken manifest rather than some other YAML: kubectl refuses it.
      const field = !apiVersion ? 'apiVersion' : 'kind';
      const got = has(field) ? `got ${JSON.stringify(obj[field]) ?? 'nothing'}` : 'it is missing';
      return skip(docIndex, basePath, `${field} must be a non-empty string (${got}); kubectl rejects this object`, 'warning', [...basePath, ...(has(field) ? [field] : [])]);
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
      namespace: clusterScoped ? '' : declaredNs || options.defaultNamespace,
      namespaceDefaulted: !clusterScoped && !declaredNs,
    });
  }
}
