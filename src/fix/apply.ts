// Applying fixes to texts, as ESLint does: each fix whole or not at all, never two that touch the same place in one
// pass (the next pass, on the new text, gets a fresh fix), identical fixes once.
import type { Fix, Position, TextEdit } from '../types.js';

export interface Applied {
  /** New texts of the files that changed. */
  readonly texts: Map<string, string>;
  /** Fixes applied (identical fixes of several findings count once each finding). */
  readonly applied: number;
  /** Fixes left for a later pass because they touch a place another fix changes. */
  readonly deferred: number;
}

/** Offset of a 1-based line:column in `text`; undefined when the position is not in it. */
export function offsetOf(text: string, p: Position): number | undefined {
  let start = 0;
  for (let line = 1; line < p.line; line++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  const offset = start + p.column - 1;
  return p.column >= 1 && offset <= (end < 0 ? text.length : end) ? offset : undefined;
}

interface Span {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

function spansOf(fix: Fix, texts: ReadonlyMap<string, string>): Span[] | undefined {
  const out: Span[] = [];
  for (const e of fix.edits as readonly TextEdit[]) {
    const text = texts.get(e.file);
    if (text === undefined) return undefined;
    const start = offsetOf(text, e.range.start);
    const end = offsetOf(text, e.range.end);
    if (start === undefined || end === undefined || end < start) return undefined;
    out.push({ file: e.file, start, end, newText: e.newText });
  }
  return out;
}

// Touching counts as overlapping: two insertions at one offset would come out in an order nobody chose.
const overlaps = (a: Span, b: Span): boolean => a.file === b.file && a.start <= b.end && b.start <= a.end;

/** Applies what it can of `fixes` to `texts` (path → text); the rest is counted as deferred. */
export function applyFixes(texts: ReadonlyMap<string, string>, fixes: readonly Fix[]): Applied {
  const unique = new Map<string, { fix: Fix; count: number }>();
  for (const f of fixes) {
    const key = JSON.stringify(f.edits);
    const u = unique.get(key);
    if (u) u.count++;
    else unique.set(key, { fix: f, count: 1 });
  }
  const planned = [...unique.values()]
    .map((u) => ({ ...u, spans: spansOf(u.fix, texts) }))
    .filter((u): u is typeof u & { spans: Span[] } => u.spans !== undefined && u.spans.length > 0)
    .sort((a, b) => (a.spans[0]!.file < b.spans[0]!.file ? -1 : a.spans[0]!.file > b.spans[0]!.file ? 1 : a.spans[0]!.start - b.spans[0]!.start));
  const accepted: Span[] = [];
  let applied = 0;
  let deferred = 0;
  for (const p of planned) {
    if (p.spans.some((s) => accepted.some((a) => overlaps(a, s)))) {
      deferred += p.count;
      continue;
    }
    accepted.push(...p.spans);
    applied += p.count;
  }
  const out = new Map<string, string>();
  for (const file of new Set(accepted.map((s) => s.file))) {
    let text = texts.get(file)!;
    for (const s of accepted.filter((x) => x.file === file).sort((a, b) => b.start - a.start)) {
      text = text.slice(0, s.start) + s.newText + text.slice(s.end);
    }
    out.set(file, text);
  }
  return { texts: out, applied, deferred };
}
