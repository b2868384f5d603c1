// What a Sidecar's egress listeners import, as facts over the input (istio-semantics.md B, C, D, E, F).
import { dnsMatches, entriesOf, importerOf, isVisible, type ParsedHost } from './hosts.js';
import { servicesIn } from './lookup.js';
import { isHttpOrSniffed, parseProtocol, type Protocol } from './protocol.js';
import type { EgressHost, EgressListener, Mesh, OutboundMode, Service, ServicePort, Sidecar, VirtualService } from './types.js';

/** A root-namespace Sidecar without selector is the mesh default: `.` then means each pod's namespace (B2). */
export function isMeshDefault(mesh: Mesh, sidecar: Sidecar): boolean {
  return sidecar.namespace === mesh.settings.rootNamespace && sidecar.selector === undefined;
}

/**
 * Namespaces whose pods may use this Sidecar, i.e. the config namespaces its `.` hosts resolve to: its own, or for the
 * mesh default every namespace of the input that has no selector-less Sidecar of its own.
 */
export function configNamespacesOf(mesh: Mesh, sidecar: Sidecar): readonly string[] {
  if (!isMeshDefault(mesh, sidecar)) return [sidecar.namespace];
  const own = new Set(mesh.sidecars.filter((s) => s.selector === undefined && s.namespace !== sidecar.namespace).map((s) => s.namespace));
  return [...mesh.namespaces.keys()].filter((ns) => ns === sidecar.namespace || !own.has(ns));
}

/** The Sidecar's own outboundTrafficPolicy, else the mesh's (C1, C2). */
export function effectiveOutboundMode(mesh: Mesh, sidecar: Sidecar): OutboundMode {
  return sidecar.outboundMode ?? mesh.settings.outboundMode;
}

/** Where the effective outbound mode came from: "set on this Sidecar", "mesh-wide, from …" or "Istio's default". */
export function outboundModeOrigin(mesh: Mesh, sidecar: Sidecar): string {
  return sidecar.outboundMode ? 'set on this Sidecar' : meshModeOrigin(mesh);
}

/** Where the mesh-wide outbound mode came from: "mesh-wide, from <layer>" or "Istio's default". */
export function meshModeOrigin(mesh: Mesh): string {
  const origin = mesh.settings.origins.find((o) => o.startsWith('outboundTrafficPolicy.mode:'));
  const from = origin && /\((from .*)\)$/.exec(origin)?.[1];
  return from ? `mesh-wide, ${from}` : "Istio's default";
}

/** The egress port's protocol as Istio parses it; undefined for a port-less (catch-all) listener. */
export function listenerProtocol(l: EgressListener): Protocol | undefined {
  return l.port ? parseProtocol(l.port.protocol) : undefined;
}

/** needsPortMatch (F1): a port number other than 0 and a protocol other than HTTP_PROXY. */
export function portFilter(l: EgressListener): number | undefined {
  const n = l.port?.number;
  if (n === undefined || n <= 0 || listenerProtocol(l) === 'HTTP_PROXY') return undefined;
  return n;
}

interface ServiceIndex {
  readonly order: ReadonlyMap<Service, number>;
  readonly byHostname: ReadonlyMap<string, readonly Service[]>;
}

const indexes = new WeakMap<Mesh, ServiceIndex>();

/** Services by hostname (by namespace: lookup.ts), so that a host is matched against its candidates, not the whole mesh. */
function indexOf(mesh: Mesh): ServiceIndex {
  let ix = indexes.get(mesh);
  if (ix) return ix;
  const order = new Map<Service, number>();
  const byHostname = new Map<string, Service[]>();
  mesh.services.forEach((s, i) => {
    order.set(s, i);
    const list = byHostname.get(s.hostname);
    if (list) list.push(s);
    else byHostname.set(s.hostname, [s]);
  });
  ix = { order, byHostname };
  indexes.set(mesh, ix);
  return ix;
}

/** Services whose namespace and hostname the host names, whether or not they are visible (E2, E3); in mesh order. */
export function servicesNamedBy(mesh: Mesh, host: ParsedHost): readonly Service[] {
  const ix = indexOf(mesh);
  // An exact name only matches services of exactly that hostname, never a wildcard ServiceEntry (E2).
  const pool = host.namespace === '*' ? mesh.services : servicesIn(mesh, host.namespace);
  // "ns/*" (the usual host) names its whole pool: no need to copy it.
  if (host.dnsName === '*') return pool;
  const candidates = host.dnsName.includes('*') ? pool : (ix.byHostname.get(host.dnsName) ?? []);
  // The index lists are in mesh order, and filtering keeps it.
  return candidates.filter((s) => (host.namespace === '*' || host.namespace === s.namespace) && dnsMatches(host.dnsName, s.hostname));
}

/** The FQDN Istio gives a VirtualService host: short names are qualified with the VirtualService's namespace. */
export function virtualServiceFqdn(vs: VirtualService, host: string, clusterDomain: string): string {
  return host.includes('.') || host === '*' ? host : `${host}.${vs.namespace}.svc.${clusterDomain}`;
}

/** Mesh-bound VirtualServices, visible to `configNs`, that the host attaches to the listener (D6, E7). */
export function virtualServicesNamedBy(mesh: Mesh, host: ParsedHost, configNs: string): readonly VirtualService[] {
  return mesh.virtualServices.filter((vs) => {
    if (host.namespace !== '*' && host.namespace !== vs.namespace) return false;
    if (vs.gateways.length && !vs.gateways.includes('mesh')) return false;
    const exported = !vs.exportTo.length || vs.exportTo.some((e) => e === '*' || e === configNs || (e === '.' && vs.namespace === configNs));
    if (!exported) return false;
    return vs.hosts.some((h) => dnsMatches(host.dnsName, virtualServiceFqdn(vs, h, mesh.settings.clusterDomain)));
  });
}

export type Imports = { readonly matched: readonly ImportedService[]; readonly imported: readonly ImportedService[] };

/** One service as one egress listener imports it for a proxy in `configNs`: already trimmed to the listener's port (F2). */
export interface ImportedService {
  readonly service: Service;
  /** The first host entry that imports it. */
  readonly by: EgressHost;
  /** The service ports this listener imports: all of them for a catch-all listener, else the one with its number. */
  readonly ports: readonly ServicePort[];
}

/**
 * Visible services the listener's hosts import (D5, E), before and after the port filter (F2). With a port filter,
 * `matched` is only worked out when asked for: most callers only want `imported`, which needs only the candidates
 * that have the port.
 */
export function listenerImports(mesh: Mesh, l: EgressListener, configNs: string): Imports {
  const port = portFilter(l);
  // Each host is read once here, not once per candidate service.
  const entries = entriesOf(l.hosts, configNs);
  let candidates: readonly Service[] = [];
  let several = false;
  for (const { parsed } of entries) {
    if (!parsed || parsed.exclude) continue;
    const named = servicesNamedBy(mesh, parsed);
    if (!named.length) continue;
    several = candidates.length > 0;
    candidates = several ? [...candidates, ...named] : named;
  }
  // Each host's services come in mesh order; those of several hosts are merged back into it, each once.
  if (several) candidates = inMeshOrder(mesh, candidates);
  const all = (): ImportedService[] => {
    const out: ImportedService[] = [];
    for (const service of candidates) {
      if (!isVisible(service, configNs)) continue;
      const by = importerOf(entries, service);
      if (by) out.push({ service, by, ports: service.ports });
    }
    return out;
  };
  if (port === undefined) {
    const matched = all();
    return { matched, imported: matched };
  }
  const imported: ImportedService[] = [];
  for (const service of candidates) {
    // The cheap test first: most candidates lack the port.
    if (!hasPort(service, port) || !isVisible(service, configNs)) continue;
    const by = importerOf(entries, service);
    if (by) imported.push({ service, by, ports: service.ports.filter((p) => p.port === port) });
  }
  let matched: readonly ImportedService[] | undefined;
  return {
    imported,
    get matched() {
      return (matched ??= all());
    },
  };
}

function hasPort(s: Service, port: number): boolean {
  for (const p of s.ports) if (p.port === port) return true;
  return false;
}

/** Distinct services sorted into mesh order (by their index there, which sorts as numbers). */
function inMeshOrder(mesh: Mesh, services: readonly Service[]): Service[] {
  const order = indexOf(mesh).order;
  const at = new Int32Array(services.length);
  for (let i = 0; i < services.length; i++) at[i] = order.get(services[i]!)!;
  at.sort();
  const out: Service[] = [];
  for (let i = 0; i < at.length; i++) if (i === 0 || at[i] !== at[i - 1]) out.push(mesh.services[at[i]!]!);
  return out;
}

const sidecarImports = new WeakMap<EgressListener, Imports>();

/** listenerImports over every namespace the Sidecar applies to, each service once (first config namespace wins). */
export function sidecarListenerImports(mesh: Mesh, sidecar: Sidecar, l: EgressListener): Imports {
  const cached = sidecarImports.get(l);
  if (cached) return cached;
  const configNamespaces = configNamespacesOf(mesh, sidecar);
  if (configNamespaces.length === 1) {
    // The usual case (any Sidecar but the mesh default): nothing to merge.
    const only = listenerImports(mesh, l, configNamespaces[0]!);
    sidecarImports.set(l, only);
    return only;
  }
  const matched = new Map<Service, ImportedService>();
  const imported = new Map<Service, ImportedService>();
  for (const c of configNamespaces) {
    const r = listenerImports(mesh, l, c);
    for (const i of r.matched) if (!matched.has(i.service)) matched.set(i.service, i);
    for (const i of r.imported) if (!imported.has(i.service)) imported.set(i.service, i);
  }
  const result = { matched: [...matched.values()], imported: [...imported.values()] };
  sidecarImports.set(l, result);
  return result;
}

/** The ports of each service that some egress listener of the Sidecar imports: CDS is the union over listeners (F3). */
export function importedPortsOf(mesh: Mesh, sidecar: Sidecar): ReadonlyMap<Service, readonly number[]> {
  // Several rules ask for every Sidecar; the answer is a fact of the (read-only) model, so it is kept.
  const cached = importedPorts.get(sidecar);
  if (cached) return cached;
  // Lists, not Sets: a service keeps one or two ports, and there is one list per imported service.
  const kept = new Map<Service, number[]>();
  for (const l of sidecar.egress) {
    for (const i of sidecarListenerImports(mesh, sidecar, l).imported) {
      let list = kept.get(i.service);
      if (!list) kept.set(i.service, (list = []));
      for (const p of i.ports) if (!list.includes(p.port)) list.push(p.port);
    }
  }
  importedPorts.set(sidecar, kept);
  return kept;
}

const importedPorts = new WeakMap<Sidecar, ReadonlyMap<Service, readonly number[]>>();

/** Hosts under `.svc.<domain>` or `<domain>` itself, i.e. Kubernetes names rather than external ones. */
export function isClusterName(dnsName: string, clusterDomain: string): boolean {
  const d = dnsName.startsWith('*.') ? dnsName.slice(2) : dnsName;
  return d === clusterDomain || d.endsWith(`.${clusterDomain}`) || d === `svc.${clusterDomain}`;
}

/** A Kubernetes short form such as `name.ns` or `name.ns.svc`, which Sidecar hosts do not expand (E5). */
export function kubeShortFormOf(mesh: Mesh, dnsName: string): Service | undefined {
  return mesh.services.find(
    (s) => s.source === 'Service' && (dnsName === `${s.name}.${s.namespace}` || dnsName === `${s.name}.${s.namespace}.svc`),
  );
}

/** Does the service port get an HTTP virtual host on an HTTP listener (I2)? */
export function getsHttpRoute(p: ServicePort): boolean {
  return isHttpOrSniffed(p.protocol);
}
