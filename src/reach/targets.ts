// The columns of the pair matrix: every Kubernetes Service port and every ServiceEntry host × port, with the
// request a client sends to it and the address it dials (the same for every client: FQDNs need no search path).
import { family } from '../model/protocol.js';
import type { Service, ServicePort } from '../model/types.js';
import type { RequestKind } from './explain.js';
import type { Registry } from './registry.js';
import { viaService, type Resolution } from './resolve.js';
import { UNCONFIRMED } from './unconfirmed.js';

export interface Target {
  readonly to: string;
  readonly svc: Service;
  readonly port: ServicePort;
  readonly kind: RequestKind;
  /** The name the client calls: the hostname, or a name under a wildcard host. */
  readonly name: string;
  readonly resolution: Resolution;
  /** Said once in the reason: a shadowed ServiceEntry, a wildcard host, an assumed address. */
  readonly note?: string;
}

/** What a client sends to a port of this protocol: plaintext HTTP to HTTP/auto ports, TLS to TLS/HTTPS, else TCP. */
export function requestKindOf(port: ServicePort): RequestKind {
  const f = family(port.protocol);
  if (f === 'udp') return 'udp';
  if (f === 'http' || f === 'auto') return 'http';
  return port.protocol === 'TLS' || port.protocol === 'HTTPS' ? 'tls' : 'tcp';
}

export function buildTargets(reg: Registry): Target[] {
  const out = new Map<string, Target>();
  const ordered = [...reg.mesh.services].sort((a, b) => (a.source === b.source ? 0 : a.source === 'Service' ? -1 : 1));
  for (const svc of ordered) {
    const wildcard = svc.hostname.startsWith('*.');
    const name = wildcard ? `${UNCONFIRMED.wildcardHostLabel.value}${svc.hostname.slice(1)}` : svc.hostname;
    const shadow = reg.shadowed.get(svc);
    // A shadowed entry's name is the Kubernetes Service's: the client reaches whatever that Service gives (L4).
    const resolution = viaService(reg, shadow ?? svc, svc.namespace, 0, name);
    const notes: string[] = [];
    if (wildcard) notes.push(`${UNCONFIRMED.wildcardHostLabel.note} ${name}`);
    if (shadow) notes.push(`ServiceEntry ${svc.namespace}/${svc.name} is ignored: Kubernetes Service ${shadow.namespace}/${shadow.name} has the same hostname, and cluster DNS answers that name with ${shadow.kube?.type === 'ExternalName' ? 'its CNAME' : shadow.kube?.headless ? 'its pod IPs' : 'its ClusterIP'}, not the entry's addresses`);
    for (const port of svc.ports) {
      const to = `${svc.hostname}:${port.port}`;
      // One row per host:port: the first declaration wins, except that TCP beats UDP (kube-dns declares both on 53).
      const prev = out.get(to);
      if (prev && !(prev.kind === 'udp' && requestKindOf(port) !== 'udp')) continue;
      out.set(to, {
        to,
        svc,
        port,
        kind: requestKindOf(port),
        name,
        resolution,
        ...(notes.length ? { note: notes.join('; ') } : {}),
      });
    }
  }
  return [...out.values()].sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
}
