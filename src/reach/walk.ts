// Step 7: a connection through one scope's Envoy — listener (G12), filter chain (G5, J1), route and virtual host
// (I, M), cluster and endpoints (K) — or the fallthrough (J). Pure: the Scope holds everything precomputed.
import { asInt, asObject, asString } from '../json.js';
import { cidrContains, type Dest } from './addresses.js';
import type { Chain, Listener } from './listeners.js';
import { RESERVED_PORTS } from './listeners.js';
import type { Scope } from './scope-build.js';
import { followRoute } from './walk-http.js';
import { UNCONFIRMED, unconfirmed } from './unconfirmed.js';
import type { Verdict } from './types.js';
import type { ClusterInfo } from './clusters.js';
import type { Endpoints } from './endpoints.js';
import type { RouteTable, VHost } from './routes.js';

export interface CallSpec {
  readonly kind: 'http' | 'tcp' | 'tls';
  /** Host header (HTTP) — the name as typed. */
  readonly authority: string;
  readonly sni: string;
  /** Request path; undefined: any path (pairs ask whether a service is reachable at all). */
  readonly path?: string;
}

export type Stage = 'reserved' | 'virtualOutbound' | 'default-chain' | 'catch-all' | 'cluster' | 'no-cluster' | 'no-route' | 'direct-response';

export interface Trace {
  readonly verdict: Verdict | 'other';
  /** The verdict a pair reports (an "other" mapped onto the six, with the reason saying so). */
  readonly pairVerdict: Verdict;
  readonly stage: Stage;
  readonly steps: readonly string[];
  readonly listener?: Listener;
  readonly chain?: Chain;
  readonly table?: RouteTable;
  readonly vhost?: VHost;
  readonly cluster?: string;
  readonly clusterInfo?: ClusterInfo;
  readonly endpoints?: Endpoints;
  /** The VirtualService route that decided, if any. */
  readonly via?: string;
}

/** Where a trace got to; every Trace has the same shape (object spreads in this hot path are ~10× slower). */
export interface Where {
  readonly listener?: Listener;
  readonly chain?: Chain;
  readonly table?: RouteTable;
  readonly vhost?: VHost;
  readonly via?: string;
}

export function mk(verdict: Trace['verdict'], pairVerdict: Verdict, stage: Stage, steps: readonly string[], w: Where, cluster?: string, info?: ClusterInfo, eps?: Endpoints): Trace {
  return { verdict, pairVerdict, stage, steps, listener: w.listener, chain: w.chain, table: w.table, vhost: w.vhost, via: w.via, cluster, clusterInfo: info, endpoints: eps };
}

/** What the connection carries when it leaves unrouted: Istio adds no mTLS, whatever the client sent. */
const AS_SENT: Record<CallSpec['kind'], string> = { http: 'as plaintext HTTP', tcp: 'as raw TCP', tls: "with the client's own TLS, untouched" };

/**
 * C3: a Sidecar's `outboundTrafficPolicy.egressProxy` replaces PassthroughCluster in both fallthrough paths
 * (ALLOW_ANY only). Pilot still honours it, although istioctl's IST0002 calls it deprecated ("ignored").
 */
function egressProxyCluster(scope: Scope): string | undefined {
  const proxy = asObject(asObject(asObject(scope.choice.sidecar?.manifest.value.spec)?.outboundTrafficPolicy)?.egressProxy);
  const host = asString(proxy?.host);
  if (!host) return undefined;
  return `outbound|${asInt(asObject(proxy?.port)?.number) ?? ''}|${asString(proxy?.subset) ?? ''}|${host}`;
}

export function fallthrough(scope: Scope, steps: string[], stage: Stage, kind: CallSpec['kind'], where: Where = {}): Trace {
  if (scope.choice.mode === 'REGISTRY_ONLY') {
    steps.push(`BlackHoleCluster (REGISTRY_ONLY, ${scope.choice.modeOrigin})`);
    return mk('blackhole', 'blackhole', stage, steps, where, 'BlackHoleCluster');
  }
  const proxy = egressProxyCluster(scope);
  steps.push(
    proxy
      ? `not PassthroughCluster but the egressProxy cluster ${proxy} (ALLOW_ANY, ${scope.choice.modeOrigin}; Sidecar ${scope.choice.sidecar?.id} outboundTrafficPolicy.egressProxy, which istioctl flags as deprecated (IST0002) but Istio still honours): sent unrouted, ${AS_SENT[kind]}, to that proxy${scope.clusters.has(proxy) || proxy.split('|')[2] ? '' : ' (Envoy has no such cluster unless the Sidecar\'s egress imports that host)'} ${unconfirmed(UNCONFIRMED.passthroughToStrict)}`
      : `PassthroughCluster (ALLOW_ANY, ${scope.choice.modeOrigin}): sent unrouted, ${AS_SENT[kind]}, to the original address ${unconfirmed(UNCONFIRMED.passthroughToStrict)}`,
  );
  return mk('passthrough', 'passthrough', stage, steps, where, proxy ?? 'PassthroughCluster');
}

export function walk(scope: Scope, dest: Dest, port: number, call: CallSpec): Trace {
  const steps: string[] = [];
  if (port === 15001 || port === 15006) {
    // Errata 1–2: virtualOutbound's own port and virtualInbound (0.0.0.0:15006) blackhole in every mode.
    steps.push(`port ${port} is Envoy's ${port === 15001 ? 'virtualOutbound' : 'virtualInbound'} listener, which blackholes connections addressed to it in every mode`);
    return mk('blackhole', 'blackhole', 'reserved', steps, {}, 'BlackHoleCluster');
  }
  const l = scope.listeners.byKey.get(`${dest.addr}:${port}`) ?? (dest.addr !== '0.0.0.0' ? scope.listeners.byKey.get(`0.0.0.0:${port}`) : undefined);
  const usable = l && !(l.bindToPort && l.address !== dest.addr);
  if (!l || !usable) {
    if (RESERVED_PORTS.has(port)) {
      const c = UNCONFIRMED.staticListenerPort;
      steps.push(`no outbound listener can use port ${port} ${unconfirmed(c)}`);
      return mk(c.value, c.value, 'reserved', steps, {}, 'BlackHoleCluster');
    }
    const bound = l ? ` (listener ${l.name} binds a real socket and only takes connections addressed to ${l.address})` : '';
    steps.push(`no listener for ${dest.addr === '0.0.0.0' ? '' : dest.addr + ':' + port + ' or '}0.0.0.0:${port}${bound}`, 'virtualOutbound');
    return fallthrough(scope, steps, 'virtualOutbound', call.kind);
  }
  steps.push(`listener ${l.name} of ${l.egress.label}`);
  const chain = pickChain(l, dest, call);
  if (!chain) {
    const why = call.kind === 'http' ? 'no filter chain matches' : `it only takes plaintext HTTP${l.chains.some((c) => c.sni) ? ' or TLS with a known SNI' : ''}, so ${call.kind === 'tls' ? `TLS (SNI ${call.sni})` : 'raw TCP'} takes its default chain`;
    steps.push(why);
    return fallthrough(scope, steps, 'default-chain', call.kind, { listener: l });
  }
  if (chain.action.kind === 'route') return followRoute(scope, steps, l, chain, chain.action.route, port, call);
  const via = chain.action.via;
  steps.push(`tcp_proxy${via ? ` (${via})` : ''}`);
  return toCluster(scope, steps, { listener: l, chain, via }, chain.action.cluster, 'tcp');
}

/** Envoy's filter-chain sieve: destination CIDR (longest), then SNI, then transport/ALPN; no backtracking. */
function pickChain(l: Listener, dest: Dest, call: CallSpec): Chain | undefined {
  let cands = l.chains;
  let bestBits = -1;
  for (const c of cands) for (const x of c.cidrs ?? []) if (cidrContains(x, dest) && x.bits > bestBits) bestBits = x.bits;
  cands = bestBits >= 0 ? cands.filter((c) => c.cidrs?.some((x) => x.bits === bestBits && cidrContains(x, dest))) : cands.filter((c) => !c.cidrs);
  if (call.kind === 'tls') {
    const exact = cands.filter((c) => c.sni?.includes(call.sni));
    const wild = cands.filter((c) => c.sni?.some((s) => s.startsWith('*.') && call.sni.endsWith(s.slice(1))));
    cands = exact.length ? exact : wild.length ? wild : cands.filter((c) => !c.sni);
  } else cands = cands.filter((c) => !c.sni);
  const http = call.kind === 'http' ? cands.filter((c) => c.http) : [];
  cands = http.length ? http : cands.filter((c) => !c.http);
  return cands[0] ?? l.chains.find((c) => !c.cidrs && !c.sni && !c.http);
}

/** The namespace of a cluster's `name.ns.svc.<domain>` host when the input has no Service at all in it (partial input). */
function namespaceOutsideInput(scope: Scope, cluster: string): string | undefined {
  const host = cluster.split('|')[3] ?? '';
  const suffix = `.svc.${scope.choice.domain}`;
  if (!host.endsWith(suffix)) return undefined;
  const parts = host.slice(0, -suffix.length).split('.');
  if (parts.length !== 2) return undefined;
  const ns = parts[1]!;
  return scope.reg.serviceNamespaces.has(ns) ? undefined : ns;
}

/** A cluster: absent from CDS (503 NC), without endpoints (503 UH / closed), or routed (200). */
export function toCluster(scope: Scope, steps: string[], base: Where, cluster: string, via: 'http' | 'tcp'): Trace {
  const info = scope.clusters.get(cluster);
  const outside = info ? undefined : namespaceOutsideInput(scope, cluster);
  if (outside) {
    steps.push(`cluster ${cluster}: namespace ${outside} has no Services in the input, so this Service is assumed to exist with endpoints`);
    return mk('200', '200', 'cluster', steps, base, cluster);
  }
  if (!info) {
    const c = UNCONFIRMED.routeToMissingCluster;
    steps.push(`cluster ${cluster} does not exist for this proxy ${unconfirmed(c)}`);
    return mk('other', c.value, 'no-cluster', steps, base, cluster);
  }
  const eps = scope.reg.endpoints(info.svc, info.port);
  steps.push(`cluster ${cluster}${info.fromVs ? ` (added by ${info.fromVs})` : ''}`);
  if (eps.has) {
    steps.push(`endpoints: ${eps.text}`);
    return mk('200', '200', 'cluster', steps, base, cluster, info, eps);
  }
  if (via === 'tcp') {
    const c = UNCONFIRMED.tcpNoEndpoints;
    steps.push(`no endpoints: ${eps.text} ${unconfirmed(c)}`);
    return mk(c.value, c.value, 'cluster', steps, base, cluster, info, eps);
  }
  steps.push(`no endpoints: ${eps.text}; Envoy answers 503 "no healthy upstream" (UH)`);
  return mk('503', '503', 'cluster', steps, base, cluster, info, eps);
}
