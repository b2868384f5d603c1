// Does a service's cluster have endpoints? (rule group K; L3 for ServiceEntries)
// Endpoints are the input's workloads whose pod labels match: the input is all we know about running pods.
import { formatLabels } from '../model/labels.js';
import { workloadsIn, workloadsMatching } from '../model/lookup.js';
import { vmsSelectedBy } from '../model/selection.js';
import type { EndpointSet, Mesh, Service, ServicePort, Workload } from '../model/types.js';
import { UNCONFIRMED, unconfirmed } from './unconfirmed.js';

export interface Endpoints {
  readonly has: boolean;
  /** Pods behind it, when known from selectors (headless listeners and DNS need them). */
  readonly pods: readonly Workload[];
  /** Ready IPs from EndpointSlice/Endpoints objects of the input, when there are any. */
  readonly addresses?: readonly string[];
  /** "pods of foo/helloworld-foo", "no workload in foo has app=x", … */
  readonly text: string;
  /** Envoy's cluster type for proxy-config (EDS, ORIGINAL_DST, STRICT_DNS, LOGICAL_DNS). */
  readonly clusterType: string;
}

/** Workloads that actually run pods (replicas: 0 runs none). */
function running(ws: readonly Workload[]): Workload[] {
  return ws.filter((w) => w.replicas !== 0);
}

function ids(ws: readonly Workload[]): string {
  const list = ws.map((w) => w.id);
  return list.length > 3 ? `${list.slice(0, 3).join(', ')} and ${list.length - 3} more` : list.join(', ');
}

/** VM endpoints: WorkloadEntries (and WorkloadGroups, whose VMs register entries) whose labels the selector matches. */
function vmEndpoints(mesh: Mesh, namespace: string, selector: Readonly<Record<string, string>>): Endpoints | undefined {
  const vms = vmsSelectedBy(mesh, selector, namespace);
  if (!vms.length) return undefined;
  const list = vms.map((v) => `${v.kind} ${v.id}`);
  return { has: true, pods: [], text: list.length > 3 ? `${list.slice(0, 3).join(', ')} and ${list.length - 3} more` : list.join(', '), clusterType: 'EDS' };
}

/** Endpoints of one service port (a named targetPort can leave a single port empty). */
export function endpointsOf(mesh: Mesh, svc: Service, port: ServicePort): Endpoints {
  if (svc.kube) return kubeEndpoints(mesh, svc, port);
  const e = svc.entry!;
  switch (e.resolution) {
    case 'NONE':
      return { has: true, pods: [], text: 'resolution NONE: the original destination address', clusterType: 'ORIGINAL_DST' };
    case 'DNS':
    case 'DNS_ROUND_ROBIN': {
      const type = e.resolution === 'DNS' ? 'STRICT_DNS' : 'LOGICAL_DNS';
      const text = e.endpointCount ? `${e.endpointCount} endpoint(s) resolved by DNS` : `DNS name ${svc.hostname}`;
      return { has: true, pods: [], text, clusterType: type };
    }
    case 'DYNAMIC_DNS':
      return { has: true, pods: [], text: 'resolved per request (DYNAMIC_DNS)', clusterType: 'DFP' };
    default: {
      if (e.endpointCount) return { has: true, pods: [], text: `${e.endpointCount} static endpoint(s)`, clusterType: 'EDS' };
      if (e.workloadSelector) {
        const pods = running(workloadsMatching(mesh, e.workloadSelector, svc.namespace));
        if (pods.length) return { has: true, pods, text: `pods of ${ids(pods)}`, clusterType: 'EDS' };
        const vms = vmEndpoints(mesh, svc.namespace, e.workloadSelector);
        if (vms) return vms;
        return { has: false, pods, text: `no workload in namespace ${svc.namespace} has labels ${formatLabels(e.workloadSelector)} (workloadSelector of ServiceEntry ${svc.namespace}/${svc.name})`, clusterType: 'EDS' };
      }
      return { has: false, pods: [], text: `ServiceEntry ${svc.namespace}/${svc.name} is STATIC but lists no endpoints and no workloadSelector`, clusterType: 'EDS' };
    }
  }
}

const setIndex = new WeakMap<Mesh, Map<string, EndpointSet[]>>();

function setsOf(mesh: Mesh, svc: Service): readonly EndpointSet[] {
  let index = setIndex.get(mesh);
  if (!index) {
    index = new Map();
    for (const e of mesh.endpointSets ?? []) {
      const k = `${e.namespace}/${e.service}`;
      const list = index.get(k);
      if (list) list.push(e);
      else index.set(k, [e]);
    }
    setIndex.set(mesh, index);
  }
  return index.get(`${svc.namespace}/${svc.name}`) ?? [];
}

/** Endpoints written in the input win over selector guesses: they are what the cluster reported. */
function fromSets(sets: readonly EndpointSet[], port: ServicePort, pods: readonly Workload[], type: string): Endpoints {
  const names = sets.map((e) => `${e.manifest.kind} ${e.manifest.name}`).join(', ');
  const addresses = sets
    .filter((e) => !e.ports.length || e.ports.some((p) => (port.name ? p.name === port.name : true)))
    .flatMap((e) => e.addresses.filter((a) => a.ready).map((a) => a.ip));
  if (!addresses.length) return { has: false, pods, addresses, text: `${names} list${sets.length > 1 ? '' : 's'} no ready address for port ${port.name ?? port.port}`, clusterType: type };
  return { has: true, pods, addresses, text: `${addresses.length} ready address${addresses.length > 1 ? 'es' : ''} in ${names}`, clusterType: type };
}

function kubeEndpoints(mesh: Mesh, svc: Service, port: ServicePort): Endpoints {
  const kube = svc.kube!;
  const type = kube.headless ? 'ORIGINAL_DST' : 'EDS';
  const sets = setsOf(mesh, svc);
  if (sets.length) return fromSets(sets, port, kube.selector ? running(workloadsMatching(mesh, kube.selector, svc.namespace)) : [], type);
  if (!kube.selector) {
    return { has: UNCONFIRMED.selectorlessEndpoints.value, pods: [], text: `Service ${svc.namespace}/${svc.name} has no selector ${unconfirmed(UNCONFIRMED.selectorlessEndpoints)}`, clusterType: type };
  }
  const selected = workloadsMatching(mesh, kube.selector, svc.namespace);
  const pods = running(selected);
  const labels = formatLabels(kube.selector);
  const vms = selected.length ? undefined : vmEndpoints(mesh, svc.namespace, kube.selector);
  if (vms) return { ...vms, clusterType: type };
  if (!selected.length && !workloadsIn(mesh, svc.namespace).length) {
    // A partial input: none of the namespace's workloads are here, so its pods cannot be judged missing.
    return { has: true, pods, text: `no workload of namespace ${svc.namespace} is in the input, so its pods are assumed to exist`, clusterType: type };
  }
  if (!selected.length) {
    return { has: false, pods, text: `no workload in namespace ${svc.namespace} has labels ${labels} (selector of Service ${svc.namespace}/${svc.name})`, clusterType: type };
  }
  if (!pods.length) return { has: false, pods, text: `${ids(selected)} match the selector ${labels} but run no pods (replicas: 0)`, clusterType: type };
  const target = port.targetPort;
  if (typeof target === 'string' && !/^\d+$/.test(target)) {
    const serving = pods.filter((w) => w.containerPorts.some((c) => c.name === target));
    if (!serving.length) {
      return { has: false, pods: [], text: `no container of ${ids(pods)} declares the named targetPort "${target}" ${unconfirmed(UNCONFIRMED.namedTargetPort)}`, clusterType: type };
    }
    return { has: true, pods: serving, text: `pods of ${ids(serving)}`, clusterType: type };
  }
  return { has: true, pods, text: `pods of ${ids(pods)}`, clusterType: type };
}
