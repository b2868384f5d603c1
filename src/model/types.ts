// The read-only mesh model: facts about the input, no judgements. Every fact keeps the path it came from.
import type { JsonPath } from '../json.js';
import type { Manifest } from '../types.js';
import type { Protocol } from './protocol.js';

export type Labels = Readonly<Record<string, string>>;
export type OutboundMode = 'ALLOW_ANY' | 'REGISTRY_ONLY';

export interface Namespace {
  readonly name: string;
  readonly labels: Labels;
  /** Undefined when the namespace is only used, not declared, in the input. */
  readonly manifest?: Manifest;
}

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'ReplicaSet' | 'Job' | 'CronJob' | 'Pod';

export interface ContainerPort {
  readonly name?: string;
  readonly containerPort: number;
}

export interface Workload {
  /** "namespace/name" */
  readonly id: string;
  readonly kind: WorkloadKind;
  readonly namespace: string;
  readonly name: string;
  /** Labels and annotations of the pods it creates (the pod template's, or a bare Pod's own). */
  readonly podLabels: Labels;
  readonly podAnnotations: Labels;
  readonly hostNetwork: boolean;
  /** The manifest already carries an istio-proxy container (kube-inject output). */
  readonly hasProxyContainer: boolean;
  readonly containerPorts: readonly ContainerPort[];
  /** spec.replicas when written (0 means the workload runs no pods); undefined for kinds without it or when unset. */
  readonly replicas?: number;
  readonly manifest: Manifest;
  /** Path of the pod template's metadata (["spec","template","metadata"], or ["metadata"] for a Pod). */
  readonly podMetadataPath: JsonPath;
}

/**
 * A workload outside Kubernetes, such as a VM, running its own Istio proxy: a WorkloadEntry, or a WorkloadGroup, the
 * template of the entries its VMs register. Label selectors of Sidecars and Services select these like pods.
 */
export interface WorkloadEntry {
  /** "namespace/name" */
  readonly id: string;
  readonly kind: 'WorkloadEntry' | 'WorkloadGroup';
  readonly namespace: string;
  readonly name: string;
  /** spec.labels; for a group, spec.template.labels overlaid with spec.metadata.labels, as registration merges them. */
  readonly labels: Labels;
  /** spec.address (a group's spec.template.address); undefined when unset. */
  readonly address?: string;
  readonly manifest: Manifest;
}

export interface ServicePort {
  readonly port: number;
  readonly name?: string;
  readonly protocol: Protocol;
  readonly targetPort?: number | string;
  readonly path: JsonPath;
}

export interface Service {
  readonly source: 'Service' | 'ServiceEntry';
  /** The hostname Istio keys it by: name.ns.svc.<domain> for Services, the entry's host for ServiceEntries. */
  readonly hostname: string;
  readonly namespace: string;
  /** metadata.name of the Service or ServiceEntry. */
  readonly name: string;
  readonly ports: readonly ServicePort[];
  /** Namespaces it is exported to: "*", ".", "~" or names; already defaulted from the mesh. */
  readonly exportTo: readonly string[];
  readonly manifest: Manifest;
  /** Path of the host string (ServiceEntry) or of metadata.name (Service). */
  readonly hostPath: JsonPath;
  readonly kube?: KubeServiceFacts;
  readonly entry?: ServiceEntryFacts;
}

export interface KubeServiceFacts {
  readonly type: string;
  /** Undefined when the Service has no selector (endpoints managed elsewhere). */
  readonly selector?: Labels;
  readonly headless: boolean;
  readonly externalName?: string;
  /** spec.clusterIP as written (absent in most manifests; "None" is reported by `headless`). */
  readonly clusterIP?: string;
}

export interface ServiceEntryFacts {
  readonly addresses: readonly string[];
  readonly resolution: string;
  readonly location: string;
  readonly workloadSelector?: Labels;
  readonly endpointCount: number;
}

export interface EgressPort {
  readonly number?: number;
  readonly protocol?: string;
  readonly name?: string;
  readonly path: JsonPath;
}

export interface EgressHost {
  readonly raw: string;
  /** Text before the "/", or undefined when there is no single "/". */
  readonly namespace?: string;
  readonly dnsName?: string;
  readonly path: JsonPath;
}

export interface EgressListener {
  readonly index: number;
  readonly port?: EgressPort;
  readonly bind?: string;
  readonly captureMode?: string;
  readonly hosts: readonly EgressHost[];
  readonly path: JsonPath;
}

export interface Sidecar {
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  /** Undefined: no workloadSelector. An empty map still counts as a selector that matches every pod. */
  readonly selector?: Labels;
  readonly egress: readonly EgressListener[];
  /** True when spec.egress is absent or empty: Istio then imports `*\/*`. */
  readonly egressDefaulted: boolean;
  /** Undefined: no outboundTrafficPolicy object, so the mesh mode applies. */
  readonly outboundMode?: OutboundMode;
  readonly creationTimestamp?: string;
  readonly manifest: Manifest;
}

export interface VirtualService {
  readonly namespace: string;
  readonly name: string;
  readonly hosts: readonly string[];
  readonly gateways: readonly string[];
  readonly exportTo: readonly string[];
  /** Destination hosts of every http/tcp/tls route, as written. */
  readonly destinations: readonly { readonly host: string; readonly port?: number }[];
  readonly manifest: Manifest;
}

/** Addresses of a Service from an EndpointSlice (discovery.k8s.io) or Endpoints (v1) object in the input. */
export interface EndpointSet {
  readonly namespace: string;
  /** The Service it belongs to: the kubernetes.io/service-name label, or the Endpoints' own name. */
  readonly service: string;
  readonly addresses: readonly { readonly ip: string; readonly ready: boolean }[];
  /** Ports by name and number; empty means every port of the Service. */
  readonly ports: readonly { readonly name?: string; readonly port: number }[];
  readonly manifest: Manifest;
}

export interface MeshSettings {
  readonly outboundMode: OutboundMode;
  readonly rootNamespace: string;
  readonly defaultServiceExportTo: readonly string[];
  readonly clusterDomain: string;
  /** meshConfig.defaultConfig.proxyMetadata of the first layer that sets it (e.g. ISTIO_META_DNS_CAPTURE). */
  readonly defaultProxyMetadata?: Readonly<Record<string, string>>;
  /** Where each setting came from, e.g. "outboundTrafficPolicy: ALLOW_ANY (Istio default)". */
  readonly origins: readonly string[];
}

export interface Mesh {
  readonly settings: MeshSettings;
  /** Sorted by name; includes namespaces only used by resources (manifest undefined). */
  readonly namespaces: ReadonlyMap<string, Namespace>;
  readonly workloads: readonly Workload[];
  readonly services: readonly Service[];
  readonly sidecars: readonly Sidecar[];
  readonly virtualServices: readonly VirtualService[];
  /** EndpointSlice / Endpoints objects of the input, sorted by namespace/service (absent in older models). */
  readonly endpointSets?: readonly EndpointSet[];
  /**
   * VM workloads (WorkloadEntry, WorkloadGroup), sorted by namespace/name/kind. Kept apart from `workloads`, which
   * are pod templates with injection facts, so that what reads those (the reachability report) is unchanged.
   */
  readonly workloadEntries: readonly WorkloadEntry[];
  /** Things the model had to assume about the cluster, for the report. */
  readonly assumptions: readonly string[];
  readonly assumeInjected: boolean;
  /**
   * Earlier copies of an object (same group, kind, namespace and name) → the last copy in input order, which is the
   * one `kubectl apply` leaves in the cluster and the only one the model holds.
   */
  readonly superseded: ReadonlyMap<Manifest, Manifest>;
}
