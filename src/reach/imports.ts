// What each egress listener of a scope imports (D, E, F): visible services its hosts match, trimmed to its port,
// one per hostname, with their ExternalName aliases (I6) and the VirtualServices it attaches (E7).
import { dnsMatches, entriesOf, importerOf, isVisible, parseHost, type ParsedHost } from '../model/hosts.js';
import { listenerProtocol, portFilter as portFilterOf } from '../model/egress.js';
import type { Protocol } from '../model/protocol.js';
import type { EgressHost, EgressListener, Service, ServicePort } from '../model/types.js';
import { vsVisible, type QualifiedVs, type Registry } from './registry.js';
import type { ScopeChoice } from './scope.js';

export interface Imported {
  readonly svc: Service;
  /** All ports for a catch-all listener; only the egress port for a listener with a port (F2). */
  readonly ports: readonly ServicePort[];
  /** The host entry that imported it (undefined under the implicit `*\/*`). */
  readonly by?: EgressHost;
  /** ExternalName Services pointing at it whose names the same host entries cover (I6). */
  readonly aliases: readonly Service[];
}

export interface EgressView {
  readonly index: number;
  readonly listener?: EgressListener;
  /** The egress port number, if any (an HTTP_PROXY port included). */
  readonly portNumber?: number;
  /** needsPortMatch (F1): the port services are filtered and trimmed to. */
  readonly portFilter?: number;
  /** The egress port's protocol (UNSUPPORTED = sniffed when empty); undefined for the catch-all. */
  readonly protocol?: Protocol;
  readonly bind?: string;
  /** captureMode NONE or a unix bind: Envoy binds a real socket, iptables never sends traffic to it (G10). */
  readonly bindToPort: boolean;
  readonly hosts: readonly EgressHost[];
  readonly parsed: readonly ParsedHost[];
  /** In registry order; one namespace per hostname, but every service of that namespace with it (E4). */
  readonly services: readonly Imported[];
  readonly byHost: ReadonlyMap<string, readonly Imported[]>;
  readonly virtualServices: readonly QualifiedVs[];
  /** "egress[0] (port 80 HTTP)", "egress[1] (no port: the catch-all)", or the implicit egress. */
  readonly label: string;
}

const IMPLICIT_HOST: EgressHost = { raw: '*/*', namespace: '*', dnsName: '*', path: [] };

export function egressViews(reg: Registry, choice: ScopeChoice): EgressView[] {
  const s = choice.sidecar;
  // A Sidecar without egress imports */* (B3), exactly as if there were no Sidecar.
  if (!s || s.egressDefaulted) return [view(reg, choice, undefined, 0)];
  return s.egress.map((l) => view(reg, choice, l, l.index));
}

function view(reg: Registry, choice: ScopeChoice, l: EgressListener | undefined, index: number): EgressView {
  const ns = choice.namespace;
  const hosts = l ? l.hosts : [IMPLICIT_HOST];
  const parsed = hosts.flatMap((h) => parseHost(h.raw, ns) ?? []);
  const portNumber = l?.port?.number;
  const protocol = l ? listenerProtocol(l) : undefined;
  const portFilter = l ? portFilterOf(l) : undefined;
  const bindToPort = l?.captureMode === 'NONE' || (l?.bind ?? '').startsWith('unix://');

  const matched: Imported[] = [];
  const entries = entriesOf(hosts, ns);
  for (const svc of reg.services) {
    if (svc.kube?.type === 'ExternalName' || !isVisible(svc, ns)) continue;
    const by = importerOf(entries, svc);
    if (!by) continue;
    const ports = portFilter === undefined ? svc.ports : svc.ports.filter((p) => p.port === portFilter);
    if (!ports.length) continue;
    matched.push({ svc, ports, ...(l ? { by } : {}), aliases: aliasesFor(reg, parsed, svc) });
  }
  // One namespace per hostname (E4): the proxy's own, else a Kubernetes Service's over a ServiceEntry's, else the first.
  const chosen = new Map<string, { ns: string; kube: boolean }>();
  for (const i of matched) {
    const cur = chosen.get(i.svc.hostname);
    const kube = i.svc.source === 'Service';
    if (!cur || i.svc.namespace === ns || (!cur.kube && kube && cur.ns !== ns)) chosen.set(i.svc.hostname, { ns: i.svc.namespace, kube });
  }
  const services = matched.filter((i) => chosen.get(i.svc.hostname)!.ns === i.svc.namespace);
  const byHost = new Map<string, Imported[]>();
  for (const i of services) {
    const list = byHost.get(i.svc.hostname);
    if (list) list.push(i);
    else byHost.set(i.svc.hostname, [i]);
  }
  const virtualServices = reg.virtualServices.filter((q) => vsVisible(q.vs, ns) && attaches(parsed, q));
  const label = !l
    ? 'the implicit egress "*/*"'
    : portNumber !== undefined
      ? `egress[${index}] (port ${portNumber}${l.port?.protocol ? ' ' + l.port.protocol : ''})`
      : `egress[${index}] (no port: the catch-all)`;
  return {
    index,
    ...(l ? { listener: l } : {}),
    ...(portNumber !== undefined ? { portNumber } : {}),
    ...(portFilter !== undefined ? { portFilter } : {}),
    ...(protocol ? { protocol } : {}),
    ...(l?.bind ? { bind: l.bind } : {}),
    bindToPort,
    hosts,
    parsed,
    services,
    byHost,
    virtualServices,
    label,
  };
}

/** matchingAliasService: aliases the concrete service's namespace entries (or `*` entries) also cover. */
function aliasesFor(reg: Registry, parsed: readonly ParsedHost[], svc: Service): Service[] {
  const aliases = reg.aliasesByTarget.get(svc.hostname);
  if (!aliases) return [];
  return aliases.filter((a) => {
    let ok = false;
    for (const p of parsed) {
      if (p.namespace !== '*' && p.namespace !== svc.namespace) continue;
      if (!dnsMatches(p.dnsName, a.hostname)) continue;
      if (p.exclude) return false;
      ok = true;
    }
    return ok;
  });
}

/** VSMatches (E7): a host entry for the VirtualService's namespace (or `*`) that overlaps one of its hosts. */
function attaches(parsed: readonly ParsedHost[], q: QualifiedVs): boolean {
  for (const h of q.hosts) {
    let hit = false;
    for (const p of parsed) {
      if (p.namespace !== '*' && p.namespace !== q.vs.namespace) continue;
      const overlap = p.dnsName === h || ((p.dnsName.startsWith('*') || h.startsWith('*')) && (dnsMatches(p.dnsName, h) || dnsMatches(h, p.dnsName)));
      if (!overlap) continue;
      if (p.exclude) {
        hit = false;
        break;
      }
      hit = true;
    }
    if (hit) return true;
  }
  return false;
}

/** GetEgressListenerForRDS (I1): the first listener with this port, else the first without a port. */
export function egressForRoute(views: readonly EgressView[], port: number): EgressView | undefined {
  for (const v of views) {
    if (v.portNumber === undefined) return v;
    if (v.portNumber === port) return v;
  }
  return undefined;
}
