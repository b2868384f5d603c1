// The service registry as istiod indexes it, once per mesh: shadowed entries dropped (L4), ExternalName aliases
// attached to their targets (L1, I6), VirtualServices qualified and ordered by age (errata 4).
import type { Mesh, Service, ServicePort, VirtualService } from '../model/types.js';
import { endpointsOf, type Endpoints } from './endpoints.js';

export interface QualifiedVs {
  readonly vs: VirtualService;
  /** Hosts with short names qualified by the VirtualService's namespace (ResolveShortnameToFQDN). */
  readonly hosts: readonly string[];
  readonly order: number;
}

export interface Registry {
  readonly mesh: Mesh;
  /** Services istiod keeps, in the model's (deterministic) order. */
  readonly services: readonly Service[];
  /** ServiceEntry hosts dropped because a Kubernetes Service in the same namespace has that hostname (L4). */
  readonly shadowed: ReadonlyMap<Service, Service>;
  readonly byHostname: ReadonlyMap<string, readonly Service[]>;
  /** Namespaces holding at least one Service or ServiceEntry of the input. */
  readonly serviceNamespaces: ReadonlySet<string>;
  /** ExternalName Services by the hostname they point to. */
  readonly aliasesByTarget: ReadonlyMap<string, readonly Service[]>;
  /** Mesh-bound VirtualServices, oldest first (creationTimestamp, then name, then namespace). */
  readonly virtualServices: readonly QualifiedVs[];
  endpoints(svc: Service, port: ServicePort): Endpoints;
}

const cache = new WeakMap<Mesh, Registry>();

export function registryOf(mesh: Mesh): Registry {
  let r = cache.get(mesh);
  if (!r) cache.set(mesh, (r = buildRegistry(mesh)));
  return r;
}

/** ResolveShortnameToFQDN: only names without a dot are qualified; "*" and IPs stay as written. */
export function qualify(host: string, namespace: string, clusterDomain: string): string {
  if (host === '*' || host.includes('.') || host.includes(':')) return host;
  return `${host}.${namespace}.svc.${clusterDomain}`;
}

function ageKey(ts: string | undefined): number {
  const t = ts === undefined ? Number.NaN : Date.parse(ts);
  // Manifests without a timestamp are not applied yet: they would be created after every existing one.
  return Number.isNaN(t) ? Number.MAX_SAFE_INTEGER : t;
}

function buildRegistry(mesh: Mesh): Registry {
  const kubeHosts = new Map<string, Service>();
  for (const s of mesh.services) if (s.source === 'Service') kubeHosts.set(`${s.namespace}\u0000${s.hostname}`, s);
  const shadowed = new Map<Service, Service>();
  const services: Service[] = [];
  for (const s of mesh.services) {
    const k8s = s.source === 'ServiceEntry' ? kubeHosts.get(`${s.namespace}\u0000${s.hostname}`) : undefined;
    if (k8s) shadowed.set(s, k8s);
    else services.push(s);
  }
  const byHostname = new Map<string, Service[]>();
  const aliasesByTarget = new Map<string, Service[]>();
  for (const s of services) {
    const list = byHostname.get(s.hostname) ?? [];
    list.push(s);
    byHostname.set(s.hostname, list);
    const target = s.kube?.type === 'ExternalName' ? s.kube.externalName?.replace(/\.$/, '') : undefined;
    if (target) {
      const l = aliasesByTarget.get(target) ?? [];
      l.push(s);
      aliasesByTarget.set(target, l);
    }
  }
  const domain = mesh.settings.clusterDomain;
  const vss = mesh.virtualServices
    .filter((vs) => vs.gateways.length === 0 || vs.gateways.includes('mesh'))
    .map((vs) => ({ vs, hosts: vs.hosts.map((h) => qualify(h, vs.namespace, domain)), order: 0 }))
    .sort((a, b) => {
      const d = ageKey(creation(a.vs)) - ageKey(creation(b.vs));
      if (d) return d;
      if (a.vs.name !== b.vs.name) return a.vs.name < b.vs.name ? -1 : 1;
      return a.vs.namespace < b.vs.namespace ? -1 : a.vs.namespace > b.vs.namespace ? 1 : 0;
    })
    .map((q, order) => ({ ...q, order }));

  const epCache = new Map<Service, Map<ServicePort, Endpoints>>();
  return {
    mesh,
    services,
    shadowed,
    byHostname,
    serviceNamespaces: new Set(services.map((s) => s.namespace)),
    aliasesByTarget,
    virtualServices: vss,
    endpoints(svc, port) {
      let bySvc = epCache.get(svc);
      if (!bySvc) epCache.set(svc, (bySvc = new Map()));
      let e = bySvc.get(port);
      if (!e) bySvc.set(port, (e = endpointsOf(mesh, svc, port)));
      return e;
    },
  };
}

function creation(vs: VirtualService): string | undefined {
  const meta = vs.manifest.value.metadata;
  const ts = meta && typeof meta === 'object' && !Array.isArray(meta) ? meta.creationTimestamp : undefined;
  return typeof ts === 'string' ? ts : undefined;
}

/** Is the VirtualService exported to namespace `ns`? (D6; an unset exportTo means everywhere by default) */
export function vsVisible(vs: VirtualService, ns: string): boolean {
  if (!vs.exportTo.length) return true;
  return vs.exportTo.some((e) => e === '*' || e === ns || (e === '.' && vs.namespace === ns));
}
