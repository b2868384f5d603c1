// An expectation against the reachability report: the pairs it selects that do not get the expected verdict, or why
// it selects none (a typo in a glob should not pass silently).
import picomatch from 'picomatch';
import type { Mesh } from '../model/types.js';
import { engineFor } from '../reach/engine.js';
import { buildReachReport } from '../reach/report.js';
import type { Pair } from '../reach/types.js';
import { closest } from '../suggest.js';
import { meets, type Expectation } from './expect.js';

export interface Outcome {
  /** Pairs it selects, in report order. */
  readonly selected: number;
  readonly failing: readonly Pair[];
  /** Set when it selects no pair: the field that matches nothing, and a likely intended value. */
  readonly unmatched?: { readonly field: 'from' | 'to'; readonly suggestion?: string };
}

const isGlob = (s: string): boolean => picomatch.scan(s).isGlob;

export function evaluate(mesh: Mesh, e: Expectation): Outcome {
  const report = buildReachReport(mesh, { from: [e.from], to: [e.to] });
  const failing = report.pairs.filter((p) => !meets(e.verdict, p.verdict));
  if (report.pairs.length) return { selected: report.pairs.length, failing };
  if (!report.workloads.length) {
    const suggestion = isGlob(e.from) ? undefined : closest(e.from, mesh.workloads.map((w) => w.id));
    return { selected: 0, failing, unmatched: { field: 'from', ...(suggestion ? { suggestion } : {}) } };
  }
  const suggestion = isGlob(e.to) ? undefined : suggestTo(mesh, e);
  return { selected: 0, failing, unmatched: { field: 'to', ...(suggestion ? { suggestion } : {}) } };
}

/** Short Kubernetes names (name, name.ns, name.ns.svc) written out as the report's FQDNs, else the nearest column. */
function suggestTo(mesh: Mesh, e: Expectation): string | undefined {
  const m = /^(.*?)(?::(\d+|\*))?$/.exec(e.to)!;
  const host = m[1]!;
  const port = m[2] !== undefined ? `:${m[2]}` : '';
  const labels = host.split('.');
  const fromNs = !isGlob(e.from) && e.from.includes('/') ? e.from.split('/')[0] : undefined;
  const ns = labels.length === 1 ? fromNs : labels.length === 2 || (labels.length === 3 && labels[2] === 'svc') ? labels[1] : undefined;
  const svc = ns !== undefined ? mesh.services.find((s) => s.source === 'Service' && s.name === labels[0] && s.namespace === ns) : undefined;
  if (svc) return `${svc.hostname}${port}`;
  const columns = engineFor(mesh).targets.map((t) => (port ? t.to : t.to.slice(0, t.to.lastIndexOf(':'))));
  return closest(e.to, new Set(columns));
}
