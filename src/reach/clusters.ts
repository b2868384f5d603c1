// CDS of one scope (F3, F4): the union of every egress listener's trimmed services, plus VirtualService destinations.
import { isVisible } from '../model/hosts.js';
import type { Service, ServicePort } from '../model/types.js';
import { routesOf } from '../model/vs-routes.js';
import { clusterName } from './chains.js';
import type { EgressView } from './imports.js';
import { qualify, type Registry } from './registry.js';
import type { ScopeChoice } from './scope.js';

export interface ClusterInfo {
  readonly name: string;
  readonly svc: Service;
  readonly port: ServicePort;
  /** Set when only a VirtualService destination brought it in (F4). */
  readonly fromVs?: string;
}

export function buildClusters(reg: Registry, choice: ScopeChoice, views: readonly EgressView[]): Map<string, ClusterInfo> {
  // appendSidecarServices: one service per hostname; a Kubernetes Service replaces a ServiceEntry, never the reverse;
  // ports merge only for the same namespace and registry.
  const merged = new Map<string, { svc: Service; ports: ServicePort[] }>();
  for (const v of views) {
    for (const imp of v.services) {
      const cur = merged.get(imp.svc.hostname);
      if (!cur || (cur.svc.source === 'ServiceEntry' && imp.svc.source === 'Service')) {
        merged.set(imp.svc.hostname, { svc: imp.svc, ports: [...imp.ports] });
      } else if (cur.svc.namespace === imp.svc.namespace && cur.svc.source === imp.svc.source) {
        for (const p of imp.ports) if (!cur.ports.some((x) => x.port === p.port)) cur.ports.push(p);
      }
    }
  }
  const out = new Map<string, ClusterInfo>();
  const addCluster = (svc: Service, p: ServicePort, fromVs?: string) => {
    if (p.protocol === 'UDP') return;
    const name = clusterName(svc.hostname, p.port);
    if (!out.has(name)) out.set(name, { name, svc, port: p, ...(fromVs ? { fromVs } : {}) });
  };
  for (const { svc, ports } of merged.values()) for (const p of ports) addCluster(svc, p);

  for (const v of views) {
    for (const q of v.virtualServices) {
      for (const r of routesOf(q.vs)) {
        for (const d of r.destinations) {
          const svc = destinationService(reg, qualify(d.host, q.vs.namespace, choice.domain), choice.namespace);
          if (!svc) continue;
          const want = v.portFilter ?? d.port;
          for (const p of svc.ports) if (want === undefined || p.port === want) addCluster(svc, p, `VirtualService ${q.vs.namespace}/${q.vs.name}`);
        }
      }
    }
  }
  return out;
}

/** F4's lookup: the proxy's namespace first, else the first namespace that exports the host to it. */
export function destinationService(reg: Registry, host: string, ns: string): Service | undefined {
  const list = reg.byHostname.get(host) ?? [];
  const pick = list.find((s) => s.namespace === ns && isVisible(s, ns)) ?? list.find((s) => isVisible(s, ns));
  if (pick?.kube?.type === 'ExternalName' && pick.kube.externalName) {
    // A route to an alias points at the concrete service's cluster (GetDestinationCluster).
    return (reg.byHostname.get(pick.kube.externalName.replace(/\.$/, '')) ?? []).find((s) => isVisible(s, ns));
  }
  return pick;
}
