// The report as the page's compact JSON: one row pattern per distinct row (workloads of one scope share it), a
// verdict character and a fixed-width reason index per cell, and reasons stored once as templates whose names are
// tokens (the same explanation for another service or workload is the same template). Decoding is in script-data.ts.
import { columnsOf, VERDICT_STYLE, type Destination } from '../graph.js';
import { VERDICTS, type Pair, type ReachReport } from '../types.js';

/** Placeholders, in encoding order: Sidecar id, workload id, host, "name.ns", port. Private-use characters. */
export const TOKENS = ['\uE000', '\uE001', '\uE002', '\uE003', '\uE004'] as const;
/** Marks a reason stored as is, because it (or a name) already holds a private-use character. */
export const RAW = '\uE0FF';
const PRIVATE = /[\uE000-\uE0FF]/;
export const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
/** No pair for this cell (not reported, e.g. --to or --verdict). */
export const NO_PAIR = '.';

export interface PageRow {
  readonly id: string;
  readonly namespace: string;
  readonly kind: string;
  readonly meshed: boolean;
  readonly sidecar: string | null;
  readonly mode: string;
}

/** "name.ns" of a Service host "name.ns.svc…", as reasons say "ClusterIP(name.ns)"; "" otherwise. */
export function shortName(col: Destination): string {
  return col.source === 'Service' && col.host.startsWith(`${col.service}.${col.namespace}.svc`) ? `${col.service}.${col.namespace}` : '';
}

/** The values the tokens stand for in one cell, in TOKENS order ("" when a value does not apply). */
export function tokenValues(row: { id: string; sidecar: string | null }, col: Destination): string[] {
  return [row.sidecar ?? '', row.id, col.host, shortName(col), String(col.port)];
}

/** `clean`: the caller has checked that no value holds a private-use character (checked here otherwise). */
export function encodeReason(reason: string, values: readonly string[], clean = false): string {
  if (PRIVATE.test(reason) || (!clean && values.some((v) => PRIVATE.test(v)))) return RAW + reason;
  let s = reason;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    // Single characters would turn most text into tokens for no gain; ports of one digit stay literal.
    if (v.length >= 2 && s.includes(v)) s = s.replaceAll(v, TOKENS[i]!);
  }
  return s;
}

/** The inverse of encodeReason, in reverse order; the page's script does the same. */
export function decodeReason(template: string, values: readonly string[]): string {
  if (template.startsWith(RAW)) return template.slice(RAW.length);
  let s = template;
  for (let i = TOKENS.length - 1; i >= 0; i--) s = s.split(TOKENS[i]!).join(values[i] ?? '');
  return s;
}

export function indexWidth(count: number): number {
  let w = 1;
  while (DIGITS.length ** w < count) w++;
  return w;
}

export function encodeIndex(n: number, width: number): string {
  let s = '';
  for (let i = 0; i < width; i++) {
    s = DIGITS[n % DIGITS.length] + s;
    n = Math.floor(n / DIGITS.length);
  }
  return s;
}

export interface Matrix {
  readonly rows: readonly PageRow[];
  readonly cols: readonly Destination[];
  /** Per distinct row: a verdict character per column (index into VERDICTS, or NO_PAIR) and the reason indices. */
  readonly patterns: readonly (readonly [string, string])[];
  /** Pattern index of each row. */
  readonly rowPattern: readonly number[];
  readonly reasons: readonly string[];
  readonly width: number;
  readonly counts: readonly number[];
}

export function matrixOf(report: ReachReport, destinations?: readonly Destination[]): Matrix {
  const cols = columnsOf(report, destinations);
  const colIndex = new Map(cols.map((c, i) => [c.to, i]));
  const byFrom = new Map<string, Pair[]>();
  for (const p of report.pairs) {
    const list = byFrom.get(p.from);
    if (list) list.push(p);
    else byFrom.set(p.from, [p]);
  }
  const rows: PageRow[] = [];
  const seen = new Set<string>();
  for (const w of report.workloads) {
    if (seen.has(w.id)) continue;
    seen.add(w.id);
    rows.push({ id: w.id, namespace: w.id.slice(0, Math.max(0, w.id.indexOf('/'))), kind: w.kind, meshed: w.meshed, sidecar: w.sidecar, mode: w.meshed ? w.outboundTrafficPolicy : '' });
  }
  // Pairs of clients the summary does not list still get a row (a report put together by hand).
  for (const from of byFrom.keys()) {
    if (seen.has(from)) continue;
    seen.add(from);
    rows.push({ id: from, namespace: from.slice(0, Math.max(0, from.indexOf('/'))), kind: 'workload', meshed: true, sidecar: null, mode: '' });
  }

  const reasonIndex = new Map<string, number>();
  const reasons: string[] = [];
  const counts = VERDICTS.map(() => 0);
  const verdictIndex = new Map<string, number>(VERDICTS.map((v, i) => [v, i]));
  // Token values per column and per row, computed once: 2M cells must not cost 2M small arrays.
  const colValues = cols.map((c) => [c.host, shortName(c), String(c.port)]);
  // Workloads of one scope get the same reason text per column: encode it once per column and Sidecar. A template
  // is reused only when it does not name the workload (so decoding with another row's values gives the same text).
  const memos = cols.map(() => new Map<string, Map<string, number>>());
  const cells = rows.map((row) => {
    const v = new Uint8Array(cols.length).fill(255);
    const r = new Uint32Array(cols.length);
    const values = [row.sidecar ?? '', row.id, '', '', ''];
    const rowClean = !PRIVATE.test(values[0]!) && !PRIVATE.test(values[1]!);
    for (const p of byFrom.get(row.id) ?? []) {
      const c = colIndex.get(p.to)!;
      if (v[c] !== 255) continue;
      const vi = verdictIndex.get(p.verdict) ?? 0;
      v[c] = vi;
      counts[vi]!++;
      let memo = memos[c]!.get(values[0]!);
      if (!memo) memos[c]!.set(values[0]!, (memo = new Map()));
      const hit = memo.get(p.reason);
      if (hit !== undefined) {
        r[c] = hit;
        continue;
      }
      const cv = colValues[c]!;
      values[2] = cv[0]!;
      values[3] = cv[1]!;
      values[4] = cv[2]!;
      const t = encodeReason(p.reason, values, rowClean && !PRIVATE.test(cv[0]!) && !PRIVATE.test(cv[1]!));
      let ri = reasonIndex.get(t);
      if (ri === undefined) reasonIndex.set(t, (ri = reasons.push(t) - 1));
      r[c] = ri;
      if (!t.includes(TOKENS[1])) memo.set(p.reason, ri);
    }
    return { v, r };
  });
  const width = indexWidth(reasons.length);
  const codes = reasons.map((_, i) => encodeIndex(i, width));
  const patternIndex = new Map<string, number>();
  const patterns: [string, string][] = [];
  const rowPattern = cells.map(({ v, r }) => {
    let vs = '';
    let rs = '';
    for (let c = 0; c < v.length; c++) {
      vs += v[c] === 255 ? NO_PAIR : String(v[c]);
      rs += codes[r[c]!]!;
    }
    const key = `${vs}|${rs}`;
    let pi = patternIndex.get(key);
    if (pi === undefined) patternIndex.set(key, (pi = patterns.push([vs, rs]) - 1));
    return pi;
  });
  return { rows, cols, patterns, rowPattern, reasons, width, counts };
}

export const verdictTable = (): (readonly [string, string, string, string, boolean])[] =>
  VERDICTS.map((v) => [v, VERDICT_STYLE[v].symbol, VERDICT_STYLE[v].meaning, VERDICT_STYLE[v].color, VERDICT_STYLE[v].blocked] as const);
