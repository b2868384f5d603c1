// What the pictures of a reachability report share: where each destination belongs (namespace, service), how each
// verdict looks, and the workload → service edges of the graph formats (one edge per verdict and service, ports merged).
import type { Mesh } from '../model/types.js';
import type { ReachReport, Verdict } from './types.js';

/** One column of the matrix: a service port, with the namespace and service it is grouped under. */
export interface Destination {
  /** "<host>:<port>", as in Pair.to. */
  readonly to: string;
  readonly host: string;
  readonly port: number;
  /** Namespace of the Service or ServiceEntry; "" when the report alone cannot tell. */
  readonly namespace: string;
  /** The Service's name, or the ServiceEntry host. */
  readonly service: string;
  readonly source: 'Service' | 'ServiceEntry' | 'unknown';
}

export interface VerdictStyle {
  /** A symbol shown beside the colour, so colour is never the only signal. */
  readonly symbol: string;
  /** Text colour on white (WCAG AA, ≥ 4.5:1), also used for graph edges. */
  readonly color: string;
  readonly blocked: boolean;
  readonly meaning: string;
}

// 502, blackhole and 503 fail the request; 200, passthrough and direct reach something (not always what was meant).
export const VERDICT_STYLE: Readonly<Record<Verdict, VerdictStyle>> = {
  '200': { symbol: '✓', color: '#116329', blocked: false, meaning: 'routed to the service (HTTP 200 from a healthy server)' },
  '502': { symbol: '✕', color: '#b42318', blocked: true, meaning: 'block_all virtual host: Envoy answers 502 itself' },
  blackhole: { symbol: '⊘', color: '#24292f', blocked: true, meaning: 'BlackHoleCluster: the connection is dropped (REGISTRY_ONLY)' },
  '503': { symbol: '!', color: '#9a4a00', blocked: true, meaning: 'routed, but the cluster has no endpoints: 503' },
  passthrough: { symbol: '↗', color: '#0550ae', blocked: false, meaning: 'PassthroughCluster: leaves the mesh unmanaged (ALLOW_ANY)' },
  direct: { symbol: '→', color: '#57606a', blocked: false, meaning: 'no sidecar on the path: plain Kubernetes networking' },
};

export const BLOCKED_VERDICTS: readonly Verdict[] = ['502', 'blackhole', '503'];
export const ALLOWED_VERDICTS: readonly Verdict[] = ['200', 'passthrough', 'direct'];

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Every Service port and ServiceEntry host port of the mesh; the first owner of a "host:port" wins, Services first. */
export function destinationsOf(mesh: Mesh): Destination[] {
  const out = new Map<string, Destination>();
  const ordered = [...mesh.services].sort((a, b) => (a.source === b.source ? 0 : a.source === 'Service' ? -1 : 1));
  for (const s of ordered) {
    for (const p of s.ports) {
      const to = `${s.hostname}:${p.port}`;
      if (out.has(to)) continue;
      out.set(to, { to, host: s.hostname, port: p.port, namespace: s.namespace, service: s.source === 'Service' ? s.name : s.hostname, source: s.source });
    }
  }
  return [...out.values()].sort((a, b) => cmp(a.to, b.to));
}

/** Without the mesh: "name.ns.svc.<domain>" hosts are Services; any other host is its own group. */
export function destinationOf(to: string, known?: ReadonlyMap<string, Destination>): Destination {
  const hit = known?.get(to);
  if (hit) return hit;
  const colon = to.lastIndexOf(':');
  const host = colon < 0 ? to : to.slice(0, colon);
  const port = colon < 0 ? 0 : Number(to.slice(colon + 1)) || 0;
  const m = /^([^.]+)\.([^.]+)\.svc(\.|$)/.exec(host);
  if (m) return { to, host, port, namespace: m[2]!, service: m[1]!, source: 'Service' };
  return { to, host, port, namespace: '', service: host, source: 'unknown' };
}

/** Destinations of the report's pairs, ordered for display: namespace, service, host, port number. */
export function columnsOf(report: ReachReport, destinations?: readonly Destination[]): Destination[] {
  const known = new Map((destinations ?? []).map((d) => [d.to, d]));
  const seen = new Map<string, Destination>();
  for (const p of report.pairs) if (!seen.has(p.to)) seen.set(p.to, destinationOf(p.to, known));
  return [...seen.values()].sort((a, b) => cmp(a.namespace, b.namespace) || cmp(a.service, b.service) || cmp(a.host, b.host) || a.port - b.port || cmp(a.to, b.to));
}

export interface GraphNode {
  readonly id: string;
  readonly kind: 'workload' | 'service';
  readonly namespace: string;
  readonly label: string;
  /** Second line: the workload kind, "Service", "ServiceEntry". */
  readonly detail: string;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly verdict: Verdict;
  /** Port numbers, ascending. */
  readonly ports: readonly number[];
}

export interface Graph {
  /** Namespaces in order, each with its nodes (workloads first, then services), sorted. */
  readonly namespaces: readonly { readonly name: string; readonly nodes: readonly GraphNode[] }[];
  readonly edges: readonly GraphEdge[];
}

/** Nodes that have at least one edge; one edge per workload, service host and verdict. */
export function graphOf(report: ReachReport, destinations?: readonly Destination[]): Graph {
  const known = new Map((destinations ?? []).map((d) => [d.to, d]));
  const kinds = new Map(report.workloads.map((w) => [w.id, w.kind]));
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, { from: string; to: string; verdict: Verdict; ports: number[] }>();
  for (const p of report.pairs) {
    const d = destinationOf(p.to, known);
    const wid = `w:${p.from}`;
    const sid = `s:${d.host}`;
    if (!nodes.has(wid)) {
      const slash = p.from.indexOf('/');
      nodes.set(wid, { id: wid, kind: 'workload', namespace: p.from.slice(0, Math.max(slash, 0)), label: p.from.slice(slash + 1), detail: kinds.get(p.from) ?? 'workload' });
    }
    if (!nodes.has(sid)) nodes.set(sid, { id: sid, kind: 'service', namespace: d.namespace, label: d.service, detail: d.source === 'unknown' ? 'host' : d.source });
    const key = `${wid}\u0000${sid}\u0000${p.verdict}`;
    const e = edges.get(key) ?? { from: wid, to: sid, verdict: p.verdict, ports: [] };
    if (!e.ports.includes(d.port)) e.ports.push(d.port);
    edges.set(key, e);
  }
  const byNs = new Map<string, GraphNode[]>();
  for (const n of nodes.values()) {
    const list = byNs.get(n.namespace);
    if (list) list.push(n);
    else byNs.set(n.namespace, [n]);
  }
  const namespaces = [...byNs.entries()]
    .sort((a, b) => cmp(a[0], b[0]))
    .map(([name, ns]) => ({ name, nodes: ns.sort((a, b) => cmp(a.kind, b.kind) * -1 || cmp(a.label, b.label) || cmp(a.id, b.id)) }));
  const list = [...edges.values()]
    .map((e) => ({ ...e, ports: [...e.ports].sort((a, b) => a - b) }))
    .sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.verdict, b.verdict));
  return { namespaces, edges: list };
}

export const edgeLabel = (e: GraphEdge): string => `${VERDICT_STYLE[e.verdict].symbol} ${e.verdict} :${e.ports.join(',')}`;
