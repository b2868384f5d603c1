// The predicted Envoy config of one workload, in the shape of `istioctl proxy-config clusters` / `listeners`.
import { servicesSelecting, targetPortOn } from '../model/endpoints.js';
import type { Mesh } from '../model/types.js';
import { WILDCARD } from './addresses.js';
import { engineFor } from './engine.js';
import type { Chain } from './listeners.js';
import { sortWorkloads } from './report.js';

export interface ClusterRow {
  readonly fqdn: string;
  readonly port: string;
  readonly subset: string;
  readonly direction: string;
  readonly type: string;
  readonly destinationRule: string;
}

export interface ListenerRow {
  readonly address: string;
  readonly port: number;
  readonly match: string;
  readonly destination: string;
}

export interface ProxyConfig {
  readonly workload: string;
  readonly meshed: boolean;
  /** Why there is no Envoy config to show, when not meshed. */
  readonly note?: string;
  readonly sidecar: string | null;
  readonly clusters: readonly ClusterRow[];
  readonly listeners: readonly ListenerRow[];
}

/** Undefined when no workload has that id. */
export function proxyConfigOf(mesh: Mesh, id: string): ProxyConfig | undefined {
  const w = sortWorkloads(mesh.workloads).find((x) => x.id === id);
  if (!w) return undefined;
  const engine = engineFor(mesh);
  const c = engine.client(w);
  if (!c.meshed || !c.choice) return { workload: id, meshed: false, note: c.why, sidecar: null, clusters: [], listeners: [] };
  const scope = engine.scope(c.choice);
  const fallthrough = c.choice.mode === 'REGISTRY_ONLY' ? 'BlackHoleCluster' : 'PassthroughCluster';

  const clusters: ClusterRow[] = [
    { fqdn: 'BlackHoleCluster', port: '-', subset: '-', direction: '-', type: 'STATIC', destinationRule: '' },
    { fqdn: 'PassthroughCluster', port: '-', subset: '-', direction: '-', type: 'ORIGINAL_DST', destinationRule: '' },
  ];
  for (const info of scope.clusters.values()) {
    clusters.push({ fqdn: info.svc.hostname, port: String(info.port.port), subset: '-', direction: 'outbound', type: engine.reg.endpoints(info.svc, info.port).clusterType, destinationRule: '' });
  }
  // Inbound clusters: one per container port the workload's Services send to (O1, without Sidecar ingress).
  const inbound = new Set<number>();
  for (const s of servicesSelecting(w, mesh)) for (const p of s.ports) {
    const t = targetPortOn(p, w);
    if (t !== undefined && p.protocol !== 'UDP') inbound.add(t);
  }
  for (const port of inbound) clusters.push({ fqdn: '', port: String(port), subset: '-', direction: 'inbound', type: 'ORIGINAL_DST', destinationRule: '' });
  clusters.sort((a, b) => (a.fqdn < b.fqdn ? -1 : a.fqdn > b.fqdn ? 1 : Number(a.port) - Number(b.port) || 0));

  const listeners: ListenerRow[] = [];
  for (const l of scope.listeners.list) {
    let hasDefault = false;
    for (const ch of l.chains) {
      if (!ch.cidrs && !ch.sni && !ch.http) hasDefault = true;
      listeners.push({ address: l.address, port: l.port, match: matchText(ch), destination: destText(ch) });
    }
    if (!hasDefault) listeners.push({ address: l.address, port: l.port, match: 'ALL', destination: fallthrough });
  }
  listeners.push({ address: WILDCARD, port: 15001, match: 'ALL', destination: fallthrough });
  listeners.push({ address: WILDCARD, port: 15001, match: 'Addr: *:15001', destination: 'Non-HTTP/Non-TCP' });
  listeners.sort((a, b) => a.port - b.port || (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  return { workload: id, meshed: true, sidecar: c.choice.sidecar?.id ?? null, clusters, listeners };
}

function matchText(ch: Chain): string {
  const parts: string[] = [];
  if (ch.cidrs) parts.push(`Addr: ${ch.cidrs.map((c) => c.text).join(',')}`);
  if (ch.sni) parts.push(`SNI: ${ch.sni.join(',')}`);
  if (ch.http) parts.push('Trans: raw_buffer; App: http/1.1,h2c');
  return parts.length ? parts.join('; ') : 'ALL';
}

function destText(ch: Chain): string {
  return ch.action.kind === 'route' ? `Route: ${ch.action.route}` : `Cluster: ${ch.action.cluster}`;
}
