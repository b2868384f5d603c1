// `report --format summary`: how many requests get each verdict, over every (filtered) workload × service port,
// without building the pairs. Verdicts depend on the scope, not on the pod (engine.ts), so each scope is judged
// once per service port and counted as many times as it has workloads.
import picomatch from 'picomatch';
import type { Mesh } from '../model/types.js';
import { engineFor } from './engine.js';
import type { ReachOptions } from './report.js';
import { sortWorkloads } from './report.js';
import { VERDICTS, type Verdict } from './types.js';

export interface ReachSummary {
  readonly workloads: number;
  readonly servicePorts: number;
  /** Distinct scopes among the meshed workloads (workloads that share every verdict). */
  readonly scopes: number;
  /** Requests counted (workloads × service ports, minus those --verdict leaves out). */
  readonly requests: number;
  readonly counts: Readonly<Record<Verdict, number>>;
}

const matcher = (globs: readonly string[] | undefined): ((s: string) => boolean) | undefined => (globs?.length ? picomatch([...globs], { dot: true }) : undefined);

export function summarizeReach(mesh: Mesh, options: ReachOptions = {}): ReachSummary {
  const engine = engineFor(mesh);
  const fromOk = matcher(options.from);
  // As in the report: a glob without ":" matches every port of the host.
  const toOk = matcher(options.to?.flatMap((g) => (g.includes(':') ? [g] : [g, `${g}:*`])));
  const verdictOk = options.verdicts?.length ? new Set(options.verdicts) : undefined;
  const workloads = sortWorkloads(mesh.workloads).filter((w) => !fromOk || fromOk(w.id));
  const targets = engine.targets.flatMap((t, i) => (!toOk || toOk(t.to) ? [i] : []));

  // Workloads by scope: a representative and how many share it. Unmeshed ones share one group: they call
  // directly, whatever the port (engine.verdict).
  const groups = new Map<string, { w: (typeof workloads)[number]; n: number }>();
  for (const w of workloads) {
    const c = engine.client(w);
    const key = c.meshed && c.choice ? c.choice.key : '\u0001';
    const g = groups.get(key);
    if (g) g.n++;
    else groups.set(key, { w, n: 1 });
  }
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const { w, n } of groups.values()) {
    for (const i of targets) {
      const v = engine.verdict(w, i);
      if (!verdictOk || verdictOk.has(v)) counts[v] += n;
    }
  }
  const requests = VERDICTS.reduce((s, v) => s + counts[v], 0);
  return { workloads: workloads.length, servicePorts: targets.length, scopes: groups.size - (groups.has('\u0001') ? 1 : 0), requests, counts };
}

const num = (n: number): string => n.toLocaleString('en-US');

/** One line of totals, then one line per verdict: count and share. */
export function formatSummary(s: ReachSummary): string {
  const lines = [`${num(s.workloads)} workloads × ${num(s.servicePorts)} service ports: ${num(s.requests)} requests (${num(s.scopes)} distinct scopes)`];
  const width = Math.max(...VERDICTS.map((v) => num(s.counts[v]).length));
  for (const v of VERDICTS) {
    const share = s.requests ? ` ${((100 * s.counts[v]) / s.requests).toFixed(1).padStart(5)}%` : '';
    lines.push(`  ${v.padEnd(12)} ${num(s.counts[v]).padStart(width)}${share}`);
  }
  return lines.join('\n') + '\n';
}
