// buildReachReport: every (filtered) workload × service port, with verdicts shared per scope (see engine.ts).
import picomatch from 'picomatch';
import type { Mesh, Workload } from '../model/types.js';
import { engineFor } from './engine.js';
import type { Pair, ReachReport, Verdict, WorkloadSummary } from './types.js';

export interface ReachOptions {
  /** Globs over "ns/workload", e.g. "default/*". */
  readonly from?: readonly string[];
  /** Globs over "host:port"; a glob without ":" matches every port of the host, e.g. "*.foo.svc.cluster.local". */
  readonly to?: readonly string[];
  readonly verdicts?: readonly Verdict[];
}

/** Assumptions every report makes, beyond those of the mesh model (undeclared namespaces, mesh settings). */
export const REPORT_ASSUMPTIONS: readonly string[] = [
  'only the Services and ServiceEntries in the input exist: calls to others (such as default/kubernetes) are not reported',
  "a Service's endpoints are the input's workloads whose pod labels match its selector, with Ready pods (replicas: 0 runs none); a namespace without any workload in the input is assumed to have the pods its Services select",
  'a route to name.namespace.svc.<domain> in a namespace without any Service in the input is assumed to reach an existing Service',
  'ClusterIPs not written in the manifests are shown as stand-ins such as ClusterIP(name.namespace)',
  'requests: plaintext HTTP to HTTP and auto-detected ports, TLS with SNI = host to TLS/HTTPS ports, raw TCP to other TCP ports',
  'Istio 1.21 or later (ExternalName Services are aliases); "~ns/host" egress exclusions follow 1.31',
  "DNS capture is off (Istio's default for sidecars): ServiceEntry hosts resolve through real DNS",
];

/** A2: the input cannot show which control-plane revisions are installed, so every istio.io/rev value is taken as one. */
function revisionAssumption(mesh: Mesh): string[] {
  const revs = new Set<string>();
  for (const n of mesh.namespaces.values()) if (n.labels['istio.io/rev']) revs.add(n.labels['istio.io/rev']);
  for (const w of mesh.workloads) if (w.podLabels['istio.io/rev']) revs.add(w.podLabels['istio.io/rev']);
  if (!revs.size) return [];
  const list = [...revs].sort().map((r) => `"${r}"`).join(', ');
  return [`istio.io/rev ${list} ${revs.size > 1 ? 'are' : 'is'} assumed to name installed revision${revs.size > 1 ? 's' : ''}: a revision with no control plane injects nothing and the pods run without a sidecar`];
}

function matcher(globs: readonly string[] | undefined, widen: (g: string) => string[] = (g) => [g]): ((s: string) => boolean) | undefined {
  if (!globs?.length) return undefined;
  return picomatch(globs.flatMap(widen), { dot: true });
}

export function sortWorkloads(ws: readonly Workload[]): Workload[] {
  return [...ws].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

export function buildReachReport(mesh: Mesh, options: ReachOptions = {}): ReachReport {
  const engine = engineFor(mesh);
  const fromOk = matcher(options.from);
  const toOk = matcher(options.to, (g) => (g.includes(':') ? [g] : [g, `${g}:*`]));
  const verdictOk = options.verdicts?.length ? new Set(options.verdicts) : undefined;
  const workloads = sortWorkloads(mesh.workloads).filter((w) => !fromOk || fromOk(w.id));
  const targets = engine.targets.map((t, i) => ({ t, i })).filter(({ t }) => !toOk || toOk(t.to));

  const summaries: WorkloadSummary[] = [];
  const pairs: Pair[] = [];
  for (const w of workloads) {
    const c = engine.client(w);
    const sidecar = c.choice?.sidecar?.id ?? null;
    summaries.push({ id: w.id, kind: w.kind, meshed: c.meshed, sidecar, outboundTrafficPolicy: c.choice?.mode ?? mesh.settings.outboundMode });
    for (const { t, i } of targets) {
      const r = engine.pair(w, i);
      if (verdictOk && !verdictOk.has(r.verdict)) continue;
      pairs.push({ from: w.id, to: t.to, verdict: r.verdict, reason: r.reason, sidecar });
    }
  }
  return { assumptions: [...mesh.assumptions, ...revisionAssumption(mesh), ...REPORT_ASSUMPTIONS], workloads: summaries, pairs };
}
