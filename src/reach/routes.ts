// RDS for one scope (I1–I8, M, errata 3–4): the virtual hosts of a port-named route or a sniffed per-service route.
import { dnsMatches } from '../model/hosts.js';
import { isHttpOrSniffed } from '../model/protocol.js';
import type { OutboundMode, Service, ServicePort } from '../model/types.js';
import { routesOf } from '../model/vs-routes.js';
import { clusterName } from './chains.js';
import { DomainIndex, serviceDomains } from './domains.js';
import { egressForRoute, type EgressView, type Imported } from './imports.js';
import type { QualifiedVs } from './registry.js';
import type { ScopeChoice } from './scope.js';

export type VhostTarget =
  | { readonly kind: 'service'; readonly svc: Service; readonly port: ServicePort; readonly cluster: string }
  | { readonly kind: 'vs'; readonly q: QualifiedVs; readonly services: readonly Service[] }
  | { readonly kind: 'catch-all'; readonly name: 'block_all' | 'allow_any' };

export interface VHost {
  readonly name: string;
  readonly domains: readonly string[];
  readonly target: VhostTarget;
}

export interface RouteTable {
  readonly name: string;
  readonly port: number;
  /** The egress listener whose services and VirtualServices made it (GetEgressListenerForRDS). */
  readonly egress?: EgressView;
  readonly vhosts: readonly VHost[];
  readonly index: DomainIndex<VHost>;
  readonly sniffed: boolean;
}

/** The port-named route "N" of an HTTP or wildcard auto listener, ending with block_all or allow_any (I3). */
export function portRoute(choice: ScopeChoice, views: readonly EgressView[], port: number, mode: OutboundMode): RouteTable {
  const eg = egressForRoute(views, port);
  const vhosts = eg ? virtualHosts(choice, eg, port) : [];
  const catchAll: VHost = { name: mode === 'REGISTRY_ONLY' ? 'block_all' : 'allow_any', domains: ['*'], target: { kind: 'catch-all', name: mode === 'REGISTRY_ONLY' ? 'block_all' : 'allow_any' } };
  return table(String(port), port, eg, [...vhosts, catchAll], false);
}

/** The route "host:port" of an auto listener on a VIP: only that service's vhost, with domain "*" (I4). */
export function sniffedRoute(choice: ScopeChoice, views: readonly EgressView[], hostname: string, port: number): RouteTable {
  const eg = egressForRoute(views, port);
  const all = eg ? virtualHosts(choice, eg, port) : [];
  const mine = all.filter((v) => v.domains.includes(hostname));
  return table(`${hostname}:${port}`, port, eg, mine.length === 1 ? [{ ...mine[0]!, domains: ['*'] }] : mine, true);
}

function table(name: string, port: number, egress: EgressView | undefined, vhosts: VHost[], sniffed: boolean): RouteTable {
  const index = new DomainIndex<VHost>();
  const kept: VHost[] = [];
  for (const v of vhosts) {
    const domains = v.domains.filter((d) => index.add(d, v));
    if (domains.length) kept.push({ ...v, domains });
  }
  return { name, port, ...(egress ? { egress } : {}), vhosts: kept, index, sniffed };
}

/** BuildSidecarOutboundVirtualHosts + BuildSidecarVirtualHostWrapper for one egress listener and port. */
function virtualHosts(choice: ScopeChoice, eg: EgressView, port: number): VHost[] {
  const byName = new Map<string, { imp: Imported; sp: ServicePort }>();
  for (const imp of eg.services) {
    const sp = imp.ports.find((p) => p.port === port);
    if (sp) byName.set(imp.svc.hostname, { imp, sp });
  }
  const names = [...byName.keys()].sort();
  let vss = eg.virtualServices.filter((q) => routesOf(q.vs).some((r) => r.section === 'http'));
  // On port 80 every attached VirtualService counts, even one for hosts outside the registry (I7).
  if (port !== 80) vss = vss.filter((q) => q.hosts.some((h) => byName.has(h) || names.some((n) => overlap(h, n))));
  const wildcardOwner = mostSpecificWildcardOwner(eg);

  const out: VHost[] = [];
  const claimed = new Set<string>();
  const domainsOf = (x: { imp: Imported }) => serviceDomains(x.imp.svc, x.imp.aliases, choice.namespace, choice.domain);
  for (const q of vss) {
    const plain: string[] = [];
    const matched: string[] = [];
    for (const h of q.hosts.filter((x) => !x.startsWith('*'))) (byName.has(h) ? matched : plain).push(h);
    for (const h of q.hosts.filter((x) => x.startsWith('*'))) {
      const hits = names.filter((n) => dnsMatches(h, n));
      if (!hits.length) plain.push(h);
      for (const n of hits) if (wildcardOwner.get(n) === q) matched.push(n);
    }
    const httpMatched = matched.filter((n) => isHttpOrSniffed(byName.get(n)!.sp.protocol));
    if (!httpMatched.length && port !== 80) continue;
    const services = httpMatched.map((n) => byName.get(n)!.imp.svc);
    for (const n of httpMatched) claimed.add(n);
    const target: VhostTarget = { kind: 'vs', q, services };
    for (const h of plain) out.push({ name: `${h}:${port}`, domains: [h], target });
    for (const n of httpMatched) out.push({ name: `${n}:${port}`, domains: domainsOf(byName.get(n)!), target });
  }
  for (const n of names) {
    const x = byName.get(n)!;
    if (claimed.has(n) || !isHttpOrSniffed(x.sp.protocol)) continue;
    out.push({ name: `${n}:${port}`, domains: domainsOf(x), target: { kind: 'service', svc: x.imp.svc, port: x.sp, cluster: clusterName(n, port) } });
  }
  return out;
}

function overlap(a: string, b: string): boolean {
  return a === b || (a.startsWith('*') && dnsMatches(a, b)) || (b.startsWith('*') && dnsMatches(b, a));
}

/** computeWildcardHostVirtualServiceIndex: per service, the VS with the most specific wildcard host (none if exact). */
function mostSpecificWildcardOwner(eg: EgressView): Map<string, QualifiedVs> {
  const exact = new Set<string>();
  const wild = new Map<string, QualifiedVs>();
  for (const q of eg.virtualServices) {
    for (const h of q.hosts) {
      if (!h.startsWith('*')) exact.add(h);
      else if (!wild.has(h)) wild.set(h, q);
    }
  }
  const out = new Map<string, QualifiedVs>();
  for (const imp of eg.services) {
    const n = imp.svc.hostname;
    if (exact.has(n)) continue;
    let best: { h: string; q: QualifiedVs } | undefined;
    for (const [h, q] of wild) if (dnsMatches(h, n) && (!best || h.length > best.h.length)) best = { h, q };
    if (best) out.set(n, best.q);
  }
  return out;
}
