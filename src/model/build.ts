// Manifests → Mesh: reads every resource defensively (shapes are not trusted; schema findings cover them).
import { asArray, asInt, asObject, asString, asStringMap, type JsonPath, type JsonValue } from '../json.js';
import type { Manifest } from '../types.js';
import { readEndpointSet } from './endpoint-sets.js';
import { declaredName, lastApplied } from './last-applied.js';
import { resolveMeshSettings, type MeshConfigLayer } from './mesh-config.js';
import { servicePortProtocol, parseProtocol } from './protocol.js';
import { readWorkloadEntry } from './workload-entries.js';
import type {
  ContainerPort,
  EgressHost,
  EgressListener,
  EndpointSet,
  Labels,
  Mesh,
  MeshSettings,
  Namespace,
  OutboundMode,
  Service,
  ServicePort,
  Sidecar,
  VirtualService,
  Workload,
  WorkloadEntry,
  WorkloadKind,
} from './types.js';

export interface BuildOptions {
  /** Mesh config layers in priority order (flags, config file, input). */
  readonly meshLayers: readonly MeshConfigLayer[];
  /** Namespaces used but not declared are assumed to exist with injection enabled. */
  readonly assumeInjected: boolean;
}

const POD_TEMPLATE_PATH: Readonly<Record<Exclude<WorkloadKind, 'Pod'>, JsonPath>> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

/**
 * A stable sort by a string key, each key built once rather than twice per comparison (the lists hold thousands).
 * Input usually comes in this order already: then one pass over the keys is all it costs.
 */
function sortByKey<T>(xs: T[], key: (t: T) => string): T[] {
  const keys = xs.map(key);
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = keys[i - 1]! <= keys[i]!;
  if (sorted) return xs;
  const order = keys.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
  const copy = xs.slice();
  for (let i = 0; i < order.length; i++) xs[i] = copy[order[i]!]!;
  return xs;
}

export function buildMesh(manifests: readonly Manifest[], options: BuildOptions): Mesh {
  const settings = resolveMeshSettings(options.meshLayers);
  const namespaces = new Map<string, Namespace>();
  const workloads: Workload[] = [];
  const services: Service[] = [];
  const sidecars: Sidecar[] = [];
  const virtualServices: VirtualService[] = [];
  const endpointSets: EndpointSet[] = [];
  const workloadEntries: WorkloadEntry[] = [];

  // A nameless object is refused by kubectl (the schema rule says so): it is no workload or service. The same object
  // twice is one object in the cluster, as the last copy applied (duplicate-resource flags the others).
  const { kept, superseded } = lastApplied(manifests.filter((m) => m.name !== '' && (m.kind !== 'Service' || declaredName(m) !== undefined)));
  for (const m of kept) {
    if (m.kind === 'Namespace') {
      if (!namespaces.has(m.name)) namespaces.set(m.name, { name: m.name, labels: asStringMap(asObject(m.value.metadata)?.labels), manifest: m });
      continue;
    }
    if (m.kind === 'Pod' || m.kind in POD_TEMPLATE_PATH) {
      workloads.push(readWorkload(m, m.kind as WorkloadKind));
    } else if (m.kind === 'Service' && m.apiVersion === 'v1') {
      services.push(readService(m, settings));
    } else if (m.kind === 'ServiceEntry' && isIstio(m)) {
      services.push(...readServiceEntry(m, settings));
    } else if (m.kind === 'Sidecar' && isIstio(m)) {
      sidecars.push(readSidecar(m));
    } else if (m.kind === 'VirtualService' && isIstio(m)) {
      virtualServices.push(readVirtualService(m));
    } else if ((m.kind === 'WorkloadEntry' || m.kind === 'WorkloadGroup') && isIstio(m)) {
      workloadEntries.push(readWorkloadEntry(m, m.kind));
    } else if ((m.kind === 'EndpointSlice' && m.apiVersion.startsWith('discovery.k8s.io/')) || (m.kind === 'Endpoints' && m.apiVersion === 'v1')) {
      const e = readEndpointSet(m);
      if (e) endpointSets.push(e);
    }
  }

  const assumptions: string[] = [...settings.origins];
  const used = new Set<string>();
  for (const m of kept) if (m.namespace) used.add(m.namespace);
  used.add(settings.rootNamespace);
  for (const ns of [...used].sort()) {
    if (namespaces.has(ns)) continue;
    const injected = options.assumeInjected && ns !== settings.rootNamespace;
    namespaces.set(ns, { name: ns, labels: injected ? { 'istio-injection': 'enabled' } : {} });
    if (kept.some((m) => m.namespace === ns)) {
      assumptions.push(
        injected
          ? `namespace "${ns}" is used but not declared: assumed to exist with istio-injection=enabled (--no-assume-injected turns this off)`
          : `namespace "${ns}" is used but not declared: assumed to exist without injection labels`,
      );
    }
  }

  const sortedNs = new Map([...namespaces.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const freeze = <T>(xs: T[], key: (t: T) => string): readonly T[] => Object.freeze(sortByKey(xs, key));
  return Object.freeze({
    settings,
    namespaces: sortedNs,
    workloads: freeze(workloads, (w) => `${w.namespace}/${w.name}/${w.kind}`),
    services: freeze(services, (s) => `${s.namespace}/${s.hostname}/${s.source}`),
    sidecars: freeze(sidecars, (s) => `${s.namespace}/${s.name}`),
    virtualServices: freeze(virtualServices, (v) => `${v.namespace}/${v.name}`),
    endpointSets: freeze(endpointSets, (e) => `${e.namespace}/${e.service}/${e.manifest.name}`),
    workloadEntries: freeze(workloadEntries, (e) => `${e.namespace}/${e.name}/${e.kind}`),
    assumptions: Object.freeze(assumptions),
    assumeInjected: options.assumeInjected,
    superseded,
  });
}

function isIstio(m: Manifest): boolean {
  return m.apiVersion.startsWith('networking.istio.io/');
}

function readWorkload(m: Manifest, kind: WorkloadKind): Workload {
  const templatePath: JsonPath = kind === 'Pod' ? [] : POD_TEMPLATE_PATH[kind];
  const template = asObject(getIn(m.value, templatePath));
  const meta = asObject(template?.metadata);
  const podSpec = asObject(template?.spec);
  const containerPorts: ContainerPort[] = [];
  const containers = [...asArray(podSpec?.containers), ...asArray(podSpec?.initContainers)];
  for (const c of containers) {
    for (const p of asArray(asObject(c)?.ports)) {
      const n = asInt(asObject(p)?.containerPort);
      if (n !== undefined) containerPorts.push({ containerPort: n, name: asString(asObject(p)?.name) });
    }
  }
  return {
    id: `${m.namespace}/${m.name}`,
    kind,
    namespace: m.namespace,
    name: m.name,
    podLabels: asStringMap(meta?.labels),
    podAnnotations: asStringMap(meta?.annotations),
    hostNetwork: podSpec?.hostNetwork === true,
    hasProxyContainer: containers.some((c) => asObject(c)?.name === 'istio-proxy'),
    containerPorts,
    replicas: asInt(asObject(m.value.spec)?.replicas),
    manifest: m,
    podMetadataPath: [...templatePath, 'metadata'],
  };
}

function getIn(v: JsonValue, path: JsonPath): JsonValue | undefined {
  let cur: JsonValue | undefined = v;
  for (const seg of path) cur = asObject(cur)?.[seg as string];
  return cur;
}

function exportToList(raw: string[], settings: MeshSettings): readonly string[] {
  const list = raw.map((s) => s.trim()).filter(Boolean);
  return list.length ? list : settings.defaultServiceExportTo;
}

function readService(m: Manifest, settings: MeshSettings): Service {
  const spec = asObject(m.value.spec);
  const annotations = asStringMap(asObject(m.value.metadata)?.annotations);
  const ports: ServicePort[] = [];
  const list = asArray(spec?.ports);
  for (let i = 0; i < list.length; i++) {
    const o = asObject(list[i]);
    const port = asInt(o?.port);
    if (!o || port === undefined) continue;
    const name = asString(o.name);
    const target = o.targetPort;
    ports.push({
      port,
      name,
      protocol: servicePortProtocol(port, name, asString(o.appProtocol), asString(o.protocol)),
      targetPort: typeof target === 'number' || typeof target === 'string' ? target : undefined,
      path: ['spec', 'ports', i],
    });
  }
  const type = asString(spec?.type) ?? 'ClusterIP';
  const exportTo = annotations['networking.istio.io/exportTo'];
  const selectorObj = asObject(spec?.selector);
  return {
    source: 'Service',
    hostname: `${m.name}.${m.namespace}.svc.${settings.clusterDomain}`,
    namespace: m.namespace,
    name: m.name,
    ports,
    exportTo: exportTo === undefined ? settings.defaultServiceExportTo : exportToList(exportTo.split(','), settings),
    manifest: m,
    hostPath: ['metadata', 'name'],
    kube: {
      type,
      selector: selectorObj && Object.keys(selectorObj).length ? asStringMap(selectorObj) : undefined,
      headless: asString(spec?.clusterIP) === 'None',
      externalName: type === 'ExternalName' ? asString(spec?.externalName) : undefined,
      clusterIP: asString(spec?.clusterIP),
    },
  };
}

function readServiceEntry(m: Manifest, settings: MeshSettings): Service[] {
  const spec = asObject(m.value.spec);
  const ports: ServicePort[] = asArray(spec?.ports).flatMap((p, i): ServicePort[] => {
    const o = asObject(p);
    const port = asInt(o?.number);
    if (!o || port === undefined) return [];
    return [{ port, name: asString(o.name), protocol: parseProtocol(asString(o.protocol)), targetPort: asInt(o.targetPort), path: ['spec', 'ports', i] }];
  });
  const selector = asObject(asObject(spec?.workloadSelector)?.labels);
  const facts = {
    addresses: asArray(spec?.addresses).filter((a): a is string => typeof a === 'string'),
    resolution: asString(spec?.resolution) ?? 'NONE',
    location: asString(spec?.location) ?? 'MESH_EXTERNAL',
    workloadSelector: selector ? asStringMap(selector) : undefined,
    endpointCount: asArray(spec?.endpoints).length,
  };
  const exportTo = exportToList(
    asArray(spec?.exportTo).filter((x): x is string => typeof x === 'string'),
    settings,
  );
  return asArray(spec?.hosts).flatMap((h, i): Service[] =>
    typeof h === 'string'
      ? [{ source: 'ServiceEntry', hostname: h, namespace: m.namespace, name: m.name, ports, exportTo, manifest: m, hostPath: ['spec', 'hosts', i], entry: facts }]
      : [],
  );
}

function readSidecar(m: Manifest): Sidecar {
  const spec = asObject(m.value.spec);
  const ws = spec ? spec.workloadSelector : undefined;
  const selector: Labels | undefined = ws === undefined || ws === null ? undefined : asStringMap(asObject(ws)?.labels);
  const egress: EgressListener[] = asArray(spec?.egress).flatMap((e, index): EgressListener[] => {
    const o = asObject(e);
    if (!o) return [];
    const path: JsonPath = ['spec', 'egress', index];
    const portObj = asObject(o.port);
    const hosts: EgressHost[] = asArray(o.hosts).flatMap((h, j): EgressHost[] => {
      if (typeof h !== 'string') return [];
      const parts = h.split('/');
      const ok = parts.length === 2;
      return [{ raw: h, namespace: ok ? parts[0] : undefined, dnsName: ok ? parts[1] : undefined, path: [...path, 'hosts', j] }];
    });
    return [
      {
        index,
        port: portObj
          ? { number: asInt(portObj.number), protocol: asString(portObj.protocol), name: asString(portObj.name), path: [...path, 'port'] }
          : undefined,
        bind: asString(o.bind),
        captureMode: asString(o.captureMode),
        hosts,
        path,
      },
    ];
  });
  const otp = spec ? asObject(spec.outboundTrafficPolicy) : undefined;
  // An outboundTrafficPolicy without a mode is the enum zero value: REGISTRY_ONLY (semantics C1).
  const outboundMode: OutboundMode | undefined = otp ? (asString(otp.mode) === 'ALLOW_ANY' ? 'ALLOW_ANY' : 'REGISTRY_ONLY') : undefined;
  return {
    id: `${m.namespace}/${m.name}`,
    namespace: m.namespace,
    name: m.name,
    selector,
    egress,
    egressDefaulted: egress.length === 0,
    outboundMode,
    creationTimestamp: asString(asObject(m.value.metadata)?.creationTimestamp),
    manifest: m,
  };
}

function readVirtualService(m: Manifest): VirtualService {
  const spec = asObject(m.value.spec);
  const strings = (v: unknown): string[] => asArray(v).filter((x): x is string => typeof x === 'string');
  const destinations: { host: string; port?: number }[] = [];
  for (const section of ['http', 'tcp', 'tls']) {
    for (const route of asArray(spec?.[section])) {
      for (const r of asArray(asObject(route)?.route)) {
        const d = asObject(asObject(r)?.destination);
        const host = asString(d?.host);
        if (host) destinations.push({ host, port: asInt(asObject(d?.port)?.number) });
      }
    }
  }
  return {
    namespace: m.namespace,
    name: m.name,
    hosts: strings(spec?.hosts),
    gateways: strings(spec?.gateways),
    exportTo: strings(spec?.exportTo),
    destinations,
    manifest: m,
  };
}

