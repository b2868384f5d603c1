// The SourceFile of a file read by the fast path: positions come from `yaml` itself, composing on demand only the
// documents that findings point at, each from its own slice of the text (a lint run locates a few of thousands).
import { Composer, Parser, type Document } from 'yaml';
import type { JsonPath } from '../json.js';
import type { Range, SourceFile, Target } from '../types.js';
import { documentPositions, type DocPositions } from './fast-positions.js';
import { locateIn, nodeRange, resolveNode } from './locate.js';
import type { LineIndex } from './source.js';
import { YAML_OPTIONS } from './yaml-options.js';

/** [start, end) of one document in the text. */
export type Slice = [number, number];

/** `yaml` Documents of text[start, end), with offsets into the whole text. */
function composeSlice(text: string, start: number, end: number): Document.Parsed[] {
  const parser = new Parser();
  parser.offset = start;
  const composer = new Composer(YAML_OPTIONS);
  const docs: Document.Parsed[] = [];
  for (const token of parser.parse(text.slice(start, end))) for (const d of composer.next(token)) docs.push(d);
  for (const d of composer.end(false, end)) docs.push(d);
  return docs;
}

/** A SourceFile whose documents are composed by `yaml` when first located; `slices` as fast-parse.ts found them. */
export function fastSource(path: string, text: string, index: LineIndex, slices: readonly Slice[] | undefined): SourceFile {
  // First js-yaml's events of the document's slice (cheap); `yaml` where they cannot tell for sure. Only the last
  // document's are kept: the engine locates a document's findings together, and thousands of kept trees cost
  // more (memory, garbage collection) than the rare second reading.
  let last: { readonly i: number; readonly positions: DocPositions | undefined } | undefined;
  const positionsOf = (i: number): DocPositions | undefined => {
    if (last?.i !== i) last = { i, positions: slices?.[i] && documentPositions(text, slices[i][0], slices[i][1]) };
    return last.positions;
  };
  const composed = new Map<number, Document.Parsed | undefined>();
  let whole: Document.Parsed[] | undefined;
  const docAt = (i: number): Document.Parsed | undefined => {
    if (composed.has(i)) return composed.get(i);
    let doc: Document.Parsed | undefined;
    const slice = slices?.[i];
    if (slice) {
      const docs = composeSlice(text, slice[0], slice[1]);
      if (docs.length === 1) doc = docs[0];
    }
    doc ??= (whole ??= composeSlice(text, 0, text.length))[i];
    composed.set(i, doc);
    return doc;
  };
  return {
    path,
    text,
    locate(docIndex: number, jsonPath: JsonPath, target: Target = 'value'): Range {
      const sure = positionsOf(docIndex)?.locate(jsonPath, target);
      if (sure) return index.range(sure[0], sure[1]);
      const doc = docAt(docIndex);
      if (!doc) return index.range(0, 0);
      const [s, e] = locateIn(doc, jsonPath, target);
      return index.range(s, e);
    },
    documentRange(docIndex: number): Range {
      const doc = docAt(docIndex);
      if (!doc) return index.range(0, 0);
      const [s, e] = nodeRange(resolveNode(doc.contents, doc)) ?? [doc.range?.[0] ?? 0, doc.range?.[0] ?? 0];
      return index.range(s, e);
    },
    line: (n) => index.line(n),
  };
}
