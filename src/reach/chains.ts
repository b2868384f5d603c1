// TCP and TLS filter chains of a listener (G5, J1; tls.go): SNI for wildcard/CIDR TLS, VirtualService tcp/tls routes.
import { dnsMatches } from '../model/hosts.js';
import type { Protocol } from '../model/protocol.js';
import type { Service } from '../model/types.js';
import { routesOf } from '../model/vs-routes.js';
import { WILDCARD, parseCidr, type Cidr } from './addresses.js';
import { altHosts } from './domains.js';
import type { EgressView, Imported } from './imports.js';
import type { Chain } from './listeners.js';
import type { QualifiedVs } from './registry.js';
import type { ScopeChoice } from './scope.js';
import { mainDestination, matchApplies } from './vs-select.js';

export function clusterName(host: string, port: number, subset = ''): string {
  return `outbound|${port}|${subset}|${host}`;
}

/** The cluster port when a route or chain names none: a single-port service's port, else the listener's. */
export function defaultPort(svc: Service | undefined, listenerPort: number): number {
  return svc && svc.ports.length === 1 ? svc.ports[0]!.port : listenerPort;
}

function vsForHost(view: EgressView, hostname: string): QualifiedVs[] {
  return view.virtualServices.filter((q) => q.hosts.some((h) => h === hostname || (h.startsWith('*') && dnsMatches(h, hostname))));
}

export function tcpChains(
  choice: ScopeChoice,
  view: EgressView,
  imp: Imported,
  port: number,
  protocol: Protocol,
  address: string,
  cidrs: readonly Cidr[],
  headlessPod: boolean,
  origin: string,
): Chain[] {
  const svc = imp.svc;
  const tls = protocol === 'HTTPS' || protocol === 'TLS';
  const section = tls ? 'tls' : 'tcp';
  const req = { section, port, namespace: choice.namespace, ...(choice.sourceLabels ? { labels: choice.sourceLabels } : {}) } as const;
  const out: Chain[] = [];
  const cidrOrNone = (c: readonly Cidr[]) => (c.length ? { cidrs: c } : {});
  for (const q of vsForHost(view, svc.hostname)) {
    for (const r of routesOf(q.vs)) {
      if (r.section !== section || !r.destinations.length) continue;
      const d = mainDestination(r)!;
      const action = { kind: 'tcp', cluster: clusterName(d.host, d.port ?? port, d.subset), svc, via: `VirtualService ${q.vs.namespace}/${q.vs.name} ${section}[${r.index}]` } as const;
      const matches = r.matches.length ? r.matches.filter((m) => matchApplies(m, req)) : [undefined];
      for (const m of matches) {
        const subnets = (m?.destinationSubnets ?? []).flatMap((s) => parseCidr(s) ?? []);
        out.push({ ...cidrOrNone(subnets.length ? subnets : cidrs), ...(m?.sniHosts.length ? { sni: m.sniHosts } : {}), action, origin: `${origin}, ${action.via}` });
        // A tcp route that matches any destination is terminal (buildSidecarOutboundTCPFilterChainOpts).
        if (!tls && !subnets.length) return out;
      }
    }
  }
  if (tls && out.length) return out;
  const cluster = clusterName(svc.hostname, defaultPort(svc, port));
  // TLS on 0.0.0.0 or a CIDR can only tell services apart by SNI (the hostname and its aliases' names).
  const needsSni = tls && !headlessPod && (cidrs.length > 0 || address === WILDCARD);
  const sni = needsSni ? [svc.hostname, ...imp.aliases.flatMap((a) => [a.hostname, ...altHosts(a.hostname, choice.namespace, choice.domain)])] : undefined;
  out.push({ ...cidrOrNone(cidrs), ...(sni ? { sni } : {}), action: { kind: 'tcp', cluster, svc }, origin });
  return out;
}
