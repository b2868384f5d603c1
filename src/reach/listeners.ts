// The outbound listeners of one scope (G1–G10): keys, locking, protocol conflicts, reserved ports, headless pods.
import { family, type Protocol } from '../model/protocol.js';
import type { Service, ServicePort } from '../model/types.js';
import { addressesOf, WILDCARD, type Cidr } from './addresses.js';
import { tcpChains } from './chains.js';
import type { EgressView, Imported } from './imports.js';
import type { Registry } from './registry.js';
import type { ScopeChoice } from './scope.js';

export type ChainAction =
  | { readonly kind: 'route'; readonly route: string }
  | { readonly kind: 'tcp'; readonly cluster: string; readonly svc: Service; readonly via?: string };

export interface Chain {
  readonly cidrs?: readonly Cidr[];
  readonly sni?: readonly string[];
  /** Matches only plaintext HTTP (transport raw_buffer, ALPN http/1.0, http/1.1, h2c). */
  readonly http?: boolean;
  readonly action: ChainAction;
  /** What put it there: "helloworld.foo.svc.cluster.local:80 via egress[0] (port 80 HTTP)". */
  readonly origin: string;
}

export interface Listener {
  readonly name: string;
  readonly address: string;
  readonly port: number;
  /** The protocol istiod records for conflicts: a wildcard HTTP listener counts as AUTO (G4). */
  recorded: 'HTTP' | 'TCP' | 'AUTO';
  readonly bindToPort: boolean;
  chains: Chain[];
  readonly egress: EgressView;
  locked: boolean;
}

export interface ListenerSet {
  /** "addr:port" → listener, including further addresses of multi-address ServiceEntries. */
  readonly byKey: Map<string, Listener>;
  readonly list: Listener[];
  /** Ports skipped because Envoy owns them (G9), with the egress listener that wanted them. */
  readonly reserved: Map<number, string>;
}

/** Ports of Envoy's own listeners: outbound/inbound capture, status, Prometheus (G9). */
export const RESERVED_PORTS: ReadonlySet<number> = new Set([15001, 15006, 15021, 15090]);

/** conflictWithReservedListener: only wildcard-bound listeners (an HTTP one without bind included) clash. */
function canBind(bind: string | undefined, port: number, protocol: Protocol): boolean {
  if (bind !== undefined ? bind !== WILDCARD : family(protocol) !== 'http') return true;
  return !RESERVED_PORTS.has(port);
}

export function buildListeners(reg: Registry, choice: ScopeChoice, views: readonly EgressView[]): ListenerSet {
  const set: ListenerSet = { byKey: new Map(), list: [], reserved: new Map() };
  for (const v of views) {
    if (v.portNumber !== undefined) {
      const protocol: Protocol = v.protocol ?? 'UNSUPPORTED';
      const bind = v.bind ?? (v.bindToPort ? '127.0.0.1' : undefined);
      if (protocol === 'HTTP_PROXY') {
        add(set, { address: bind ?? '127.0.0.1', port: v.portNumber, fam: 'http', route: 'http_proxy', bindToPort: true, view: v, origin: `${v.label}: explicit HTTP proxy` });
        continue;
      }
      if (!canBind(bind, v.portNumber, protocol)) {
        set.reserved.set(v.portNumber, v.label);
        continue;
      }
      for (const imp of v.services) addService(reg, choice, set, v, imp, imp.ports[0]!, v.portNumber, protocol, bind);
    } else {
      // The catch-all comes last: everything built so far is locked against it (G1, G3).
      for (const l of set.list) l.locked = true;
      for (const imp of v.services) {
        for (const p of imp.ports) {
          if (!canBind(v.bind, p.port, p.protocol)) {
            set.reserved.set(p.port, v.label);
            continue;
          }
          addService(reg, choice, set, v, imp, p, p.port, p.protocol, v.bind);
        }
      }
    }
  }
  return set;
}

function addService(reg: Registry, choice: ScopeChoice, set: ListenerSet, v: EgressView, imp: Imported, sp: ServicePort, port: number, protocol: Protocol, bind: string | undefined): void {
  const svc = imp.svc;
  const fam = family(protocol);
  if (fam === 'udp') return;
  const origin = `${svc.hostname}:${sp.port} via ${v.label}`;
  const bindToPort = v.bindToPort;
  if (fam === 'http') {
    add(set, { address: bind ?? WILDCARD, port, fam, route: String(port), bindToPort, view: v, origin });
    return;
  }
  const a = addressesOf(svc, choice.dnsCapture);
  // Headless Kubernetes Services: TCP/auto ports get one listener per pod IP, and none without pods (G7).
  if (!bind && v.portNumber === undefined && svc.kube?.headless) {
    const eps = reg.endpoints(svc, sp);
    for (const address of eps.addresses?.length ? eps.addresses : eps.pods.map((pod) => `PodIP(${pod.id})`)) {
      add(set, { address, port, fam, route: `${svc.hostname}:${port}`, bindToPort, view: v, origin, tcp: tcpChains(choice, v, imp, port, protocol, address, [], true, origin) });
    }
    return;
  }
  const address = bind ?? a.primary;
  const cidrs = bind ? [] : a.cidrs;
  const route = address === WILDCARD ? String(port) : `${svc.hostname}:${port}`;
  const tcp = tcpChains(choice, v, imp, port, protocol, address, cidrs, false, origin);
  add(set, { address, port, fam, route, bindToPort, view: v, origin, tcp, extra: bind ? [] : a.extra });
}

interface AddOpts {
  readonly address: string;
  readonly port: number;
  readonly fam: 'http' | 'tcp' | 'auto';
  readonly route: string;
  readonly bindToPort: boolean;
  readonly view: EgressView;
  readonly origin: string;
  readonly tcp?: readonly Chain[];
  readonly extra?: readonly string[];
}

function signature(c: Chain): string {
  return `${(c.cidrs ?? []).map((x) => x.text).join(',')}|${(c.sni ?? []).join(',')}|${c.http ? 'http' : ''}`;
}

function merge(l: Listener, chains: readonly Chain[]): void {
  const seen = new Set(l.chains.map(signature));
  for (const c of chains) if (!seen.has(signature(c))) (seen.add(signature(c)), l.chains.push(c));
}

/** buildSidecarOutboundListener's conflict switch (G3, G4). */
function add(set: ListenerSet, o: AddOpts): void {
  const key = `${o.address}:${o.port}`;
  const cur = set.byKey.get(key);
  if (cur?.locked) return;
  const httpChain: Chain = { http: o.address === WILDCARD || o.fam === 'auto', action: { kind: 'route', route: o.route }, origin: o.origin };
  const tcp = o.tcp ?? [];
  if (!cur) {
    const chains = o.fam === 'http' ? [httpChain] : o.fam === 'tcp' ? [...tcp] : [...tcp, httpChain];
    const recorded = o.fam === 'tcp' ? 'TCP' : o.fam === 'auto' || o.address === WILDCARD ? 'AUTO' : 'HTTP';
    const l: Listener = { name: `${o.address}_${o.port}`, address: o.address, port: o.port, recorded, bindToPort: o.bindToPort, chains, egress: o.view, locked: false };
    set.byKey.set(key, l);
    for (const x of o.extra ?? []) if (!set.byKey.has(`${x}:${o.port}`)) set.byKey.set(`${x}:${o.port}`, l);
    set.list.push(l);
    return;
  }
  if (o.fam === 'http') {
    // A second HTTP service adds nothing (its vhost comes from RDS); HTTP over TCP upgrades to sniffing.
    if (cur.recorded !== 'TCP') return;
    merge(cur, [httpChain]);
    cur.recorded = 'AUTO';
  } else if (o.fam === 'tcp') {
    merge(cur, tcp);
    if (cur.recorded === 'HTTP') cur.recorded = 'AUTO';
  } else if (cur.recorded === 'HTTP') {
    cur.chains = [...tcp, httpChain];
    cur.recorded = 'AUTO';
  } else {
    merge(cur, cur.recorded === 'TCP' ? [...tcp, httpChain] : tcp);
    cur.recorded = 'AUTO';
  }
}
