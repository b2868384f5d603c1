// Bounds that keep hostile input from exhausting the stack, memory or time. Stated in the README; keep in sync.
import { Lexer, type CST } from 'yaml';

/**
 * Deepest nesting of mappings and sequences read. The YAML composer is recursive and overflows the stack
 * at roughly 800 levels; near that limit V8 can even abort the process, so the CST (built without recursion)
 * is measured first. Real manifests, CRD schemas included, stay far below this.
 */
export const MAX_NESTING = 256;

/**
 * Values (scalars, flow collections, list items) per file. The YAML library holds each as several objects,
 * 0.5 to 1 KB in all, so 20 MB of `- 1` lines would need gigabytes. The CLI allows one value per 20 bytes of
 * --max-file-size (about a million at the default 20MB); real manifests average more bytes per value.
 */
export const MAX_VALUES = 1_000_000;
export const BYTES_PER_VALUE = 20;

const count = (text: string, s: string): number => {
  let n = 0;
  for (let i = text.indexOf(s); i !== -1; i = text.indexOf(s, i + s.length)) n++;
  return n;
};

/**
 * More than MAX_VALUES values? First a cheap upper bound (every value needs a line, a comma, a bracket or a
 * "- "), and only when that is over, a count of the lexer's value tokens, stopping at the limit.
 */
export function tooManyValues(text: string, max: number = MAX_VALUES): boolean {
  // Each counted character has a position of its own: a shorter text cannot reach the bound.
  if (text.length < max) return false;
  if (count(text, '\n') + count(text, ',') + count(text, '[') + count(text, '{') + count(text, '- ') < max) return false;
  let n = 0;
  for (const tok of new Lexer().lex(text)) {
    if ((tok === '\u001f' || tok === '[' || tok === '{' || tok === '-' || tok === '?') && ++n > max) return true;
  }
  return false;
}

/** Alias expansions per document before it is refused as an alias bomb ("billion laughs"). */
export const MAX_ALIAS_COUNT = 1000;

/**
 * The YAML parser (CST) recurses once per block level it closes at a dedent, and overflows near 2,000 levels.
 * Block nesting is at most twice the column of a line's first value, so content past this column is refused
 * before parsing. Real manifests stay far left of it; the cost is a false alarm on absurdly indented text.
 */
export const MAX_BLOCK_COLUMN = 500;

const CONTROL = new Set(['\u0002', '\u0018', '\u001f']); // the lexer's document, flow-end and scalar markers
const INDENT = new Set([...' \t-?:'].map((c) => c.charCodeAt(0))); // what comes before a line's first value

/** Offset of the first value that starts right of MAX_BLOCK_COLUMN (after indentation and - ? : indicators), or undefined. */
export function indentedTooFar(text: string, maxColumn: number = MAX_BLOCK_COLUMN): number | undefined {
  // A cheap scan of raw lines first: only text that could be too deep is lexed, and only long lines are looked at.
  let suspicious = false;
  for (let i = 0; i < text.length && !suspicious; ) {
    const nl = text.indexOf('\n', i);
    const end = nl === -1 ? text.length : nl;
    if (end - i > maxColumn) {
      let j = i;
      while (j < end && INDENT.has(text.charCodeAt(j))) j++;
      suspicious = j - i > maxColumn;
    }
    i = end + 1;
  }
  if (!suspicious) return undefined;
  let offset = 0;
  let lineStart = 0;
  let atLineStart = true;
  for (const tok of new Lexer().lex(text)) {
    if (CONTROL.has(tok)) continue;
    if (atLineStart && !/^[ \t]*$/.test(tok) && tok !== '-' && tok !== '?' && tok !== ':' && tok !== '\n' && tok !== '\r\n') {
      if (!tok.startsWith('#') && offset - lineStart > maxColumn) return offset;
      atLineStart = false;
    }
    const nl = tok.lastIndexOf('\n');
    if (nl !== -1) {
      lineStart = offset + nl + 1;
      atLineStart = nl === tok.length - 1;
    }
    offset += tok.length;
  }
  return undefined;
}

/** Offset of the first collection nested deeper than `max` in a CST document, or undefined. */
export function tooDeepAt(doc: CST.Document, max: number = MAX_NESTING): number | undefined {
  const stack: { token: CST.Token | null | undefined; depth: number }[] = [{ token: doc.value, depth: 0 }];
  while (stack.length) {
    const { token, depth } = stack.pop()!;
    if (!token) continue;
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (depth + 1 > max) return token.offset;
    for (const item of token.items) {
      stack.push({ token: item.value, depth: depth + 1 });
      if ('key' in item) stack.push({ token: item.key, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * Whether a plain value (after aliases are expanded) nests deeper than `max`. Aliases share objects, so the
 * height of each object is memoised; the walk uses an explicit stack, never recursion.
 */
export function valueTooDeep(value: unknown, max: number = MAX_NESTING): boolean {
  const height = new Map<object, number>();
  const isObj = (v: unknown): v is object => typeof v === 'object' && v !== null;
  if (!isObj(value)) return false;
  const stack: { obj: object; depth: number; expanded: boolean }[] = [{ obj: value, depth: 1, expanded: false }];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const known = height.get(top.obj);
    if (!top.expanded) {
      if (top.depth > max || (known !== undefined && top.depth + known - 1 > max)) return true;
      if (known !== undefined) {
        stack.pop();
        continue;
      }
      top.expanded = true;
      for (const c of Object.values(top.obj) as unknown[]) if (isObj(c)) stack.push({ obj: c, depth: top.depth + 1, expanded: false });
      continue;
    }
    let h = 0;
    for (const c of Object.values(top.obj) as unknown[]) if (isObj(c)) h = Math.max(h, height.get(c) ?? 0);
    height.set(top.obj, h + 1);
    stack.pop();
  }
  return false;
}
