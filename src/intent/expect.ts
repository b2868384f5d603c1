// Expectations: what the user says a call must get, from .istio-lint.yaml `expect:` or a workload's
// istio-lint.io/expect annotation, and whether a verdict meets them.
import { asArray, asObject, asString, type JsonObject, type JsonPath } from '../json.js';
import { VERDICTS, type Verdict } from '../reach/types.js';

export const EXPECT_ANNOTATION = 'istio-lint.io/expect';

/** allow: the request gets through (with or without Envoy); deny: the Sidecar stops it. 503 is neither (see README). */
export const ALLOW: readonly Verdict[] = ['200', 'passthrough', 'direct'];
export const DENY: readonly Verdict[] = ['502', 'blackhole'];

export type ExpectedVerdict = Verdict | 'allow' | 'deny';

export interface Expectation {
  /** Glob over "namespace/workload". */
  readonly from: string;
  /** Glob over "host:port" as the report writes it; without ":" every port of the host. */
  readonly to: string;
  readonly verdict: ExpectedVerdict;
  /** Where it is written: ["expect", i] in the config file, or the annotation's path on the workload. */
  readonly path: JsonPath;
}

export function verdictsOf(e: ExpectedVerdict): readonly Verdict[] {
  return e === 'allow' ? ALLOW : e === 'deny' ? DENY : [e];
}

export function meets(e: ExpectedVerdict, v: Verdict): boolean {
  return verdictsOf(e).includes(v);
}

/** "200", or "allow (200, passthrough or direct)". */
export function describeExpected(e: ExpectedVerdict): string {
  if (e !== 'allow' && e !== 'deny') return e;
  const vs = verdictsOf(e);
  return `${e} (${vs.slice(0, -1).join(', ')} or ${vs[vs.length - 1]})`;
}

export function parseVerdict(v: unknown): ExpectedVerdict | undefined {
  const s = typeof v === 'number' ? String(v) : asString(v)?.trim().toLowerCase();
  if (s === 'allow' || s === 'deny') return s;
  return (VERDICTS as readonly string[]).includes(s ?? '') ? (s as Verdict) : undefined;
}

/** The config's `expect:` list; entries the schema would reject are skipped (the config loader has reported them). */
export function configExpectations(raw: JsonObject): Expectation[] {
  const out: Expectation[] = [];
  asArray(raw.expect).forEach((item, i) => {
    const o = asObject(item);
    const from = asString(o?.from);
    const to = asString(o?.to);
    const verdict = parseVerdict(o?.verdict);
    if (from && to && verdict) out.push({ from, to, verdict, path: ['expect', i] });
  });
  return out;
}

export interface AnnotationEntries {
  readonly entries: readonly Expectation[];
  /** Entries that could not be read, as written. */
  readonly bad: readonly string[];
}

/** `host[:port]=verdict` entries, separated by commas or new lines, for calls from the annotated workload. */
export function annotationExpectations(value: string, from: string, path: JsonPath): AnnotationEntries {
  const entries: Expectation[] = [];
  const bad: string[] = [];
  for (const raw of value.split(/[,\n]/)) {
    const text = raw.trim();
    if (!text) continue;
    const m = /^([^=\s]+)\s*=\s*(\S+)$/.exec(text);
    const verdict = m ? parseVerdict(m[2]) : undefined;
    if (m && verdict) entries.push({ from, to: m[1]!, verdict, path });
    else bad.push(text);
  }
  return { entries, bad };
}
