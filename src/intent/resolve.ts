// Which service an address names, the way the client's resolver would find it: Kubernetes short names through the
// pod's DNS search path (svc, svc.ns, svc.ns.svc, svc.ns.svc.<domain>, pod.svc.ns…), ServiceEntry hosts as written.
import { dnsMatches } from '../model/hosts.js';
import type { Mesh, Service, ServicePort } from '../model/types.js';
import { schemePort, type Address } from './addresses.js';

/** How the address named the service: a bare name only resolves in the caller's own namespace. */
export type Form = 'name' | 'name.namespace' | 'fqdn' | 'entry';

export interface Named {
  readonly service: Service;
  readonly form: Form;
  /** The ports the call may use: the written one, the scheme's default, or else every port. */
  readonly ports: readonly ServicePort[];
  /** No port was written nor implied by the scheme. */
  readonly anyPort: boolean;
}

const byKey = new WeakMap<Mesh, ReadonlyMap<string, Service>>();

function kubeService(mesh: Mesh, name: string, namespace: string): Service | undefined {
  let index = byKey.get(mesh);
  if (!index) byKey.set(mesh, (index = new Map(mesh.services.filter((s) => s.source === 'Service').map((s) => [`${s.namespace}/${s.name}`, s]))));
  return index.get(`${namespace}/${name}`);
}

function kubeTarget(mesh: Mesh, host: string, clientNs: string): { service: Service; form: Form } | undefined {
  const suffix = `.svc.${mesh.settings.clusterDomain}`;
  let labels = host.split('.');
  let form: Form = 'name.namespace';
  if (host.endsWith(suffix)) {
    labels = host.slice(0, -suffix.length).split('.');
    form = 'fqdn';
  } else if (labels[labels.length - 1] === 'svc') {
    labels = labels.slice(0, -1);
    form = 'fqdn';
  } else if (labels.length > 2) return undefined;
  if (labels.length === 1) {
    if (form === 'fqdn') return undefined;
    const s = kubeService(mesh, labels[0]!, clientNs);
    return s ? { service: s, form: 'name' } : undefined;
  }
  // pod.name.namespace: a StatefulSet pod behind a headless Service.
  if (labels.length === 3 && form === 'fqdn') {
    const s = kubeService(mesh, labels[1]!, labels[2]!);
    return s?.kube?.headless ? { service: s, form } : undefined;
  }
  if (labels.length !== 2) return undefined;
  const s = kubeService(mesh, labels[0]!, labels[1]!);
  return s ? { service: s, form } : undefined;
}

function portsOf(service: Service, a: Address): { ports: ServicePort[]; anyPort: boolean } {
  if (a.port !== undefined) {
    const n = /^[0-9]+$/.test(a.port) ? Number(a.port) : undefined;
    return { ports: service.ports.filter((p) => (n !== undefined ? p.port === n : p.name?.toLowerCase() === a.port)), anyPort: false };
  }
  const implied = schemePort(a.scheme);
  const byScheme = service.ports.filter((p) => p.port === implied);
  if (byScheme.length) return { ports: byScheme, anyPort: false };
  return { ports: service.ports.filter((p) => p.protocol !== 'UDP'), anyPort: true };
}

/** The service `a` names for a client in `clientNs`, or undefined. Kubernetes Services win over ServiceEntries. */
export function serviceNamed(mesh: Mesh, a: Address, clientNs: string): Named | undefined {
  let found: { service: Service; form: Form } | undefined = kubeTarget(mesh, a.host, clientNs);
  if (!found && a.host.includes('.')) {
    const exact = mesh.services.find((s) => s.source === 'ServiceEntry' && s.hostname === a.host);
    const wildcard = exact ?? mesh.services.find((s) => s.source === 'ServiceEntry' && s.hostname.startsWith('*.') && dnsMatches(s.hostname, a.host));
    if (wildcard) found = { service: wildcard, form: 'entry' };
  }
  if (!found) return undefined;
  return { ...found, ...portsOf(found.service, a) };
}
