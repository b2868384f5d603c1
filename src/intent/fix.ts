// The smallest Sidecar change that makes one call succeed (E, F2 in istio-semantics.md): import the exact host on the
// listener that owns the port, else on the port-less catch-all, else in a new listener for the port. Each candidate is
// tried on the Sidecar as it would be and kept only if the call then gets 200: the fix never promises what Envoy won't do.
import { listenerProtocol, portFilter } from '../model/egress.js';
import { family } from '../model/protocol.js';
import type { EgressListener, Mesh, Service, ServicePort, Workload } from '../model/types.js';
import { engineFor } from '../reach/engine.js';
import type { FixProposal } from '../types.js';
import { verdictWithSidecar } from './pairs.js';

function label(l: EgressListener): string {
  return `egress[${l.index}]${l.port?.number !== undefined ? ` (port ${l.port.number})` : ''}`;
}

/** The protocol a new listener declares: the service port's, or HTTP for an auto-detected port (what clients send it). */
function protocolsFor(p: ServicePort): string[] {
  if (p.protocol !== 'UNSUPPORTED') return [p.protocol];
  return ['HTTP', 'TCP'];
}

// Workloads of one scope (same Sidecar, namespace, capture) calling one port share the fix: it is computed once per mesh.
const cache = new WeakMap<Mesh, Map<string, FixProposal | undefined>>();

export function sidecarFix(mesh: Mesh, w: Workload, svc: Service, port: ServicePort): FixProposal | undefined {
  const choice = engineFor(mesh).client(w).choice;
  if (!choice) return undefined;
  let known = cache.get(mesh);
  if (!known) cache.set(mesh, (known = new Map()));
  const key = `${choice.key}\u0000${svc.hostname}\u0000${svc.namespace}\u0000${port.port}`;
  if (!known.has(key)) known.set(key, computeFix(mesh, w, svc, port));
  return known.get(key);
}

function computeFix(mesh: Mesh, w: Workload, svc: Service, port: ServicePort): FixProposal | undefined {
  const sidecar = engineFor(mesh).client(w).choice?.sidecar;
  // With no egress, the Sidecar imports everything already: no host to add would change the verdict.
  if (!sidecar || sidecar.egressDefaulted || family(port.protocol) === 'udp') return undefined;
  const host = `${svc.namespace}/${svc.hostname}`;
  const to = `${svc.hostname}:${port.port}`;
  const works = (egress: readonly EgressListener[]): boolean => verdictWithSidecar(mesh, w, to, { ...sidecar, egress, egressDefaulted: false }) === '200';
  const where = `Sidecar ${sidecar.id}`;

  const owner = sidecar.egress.find((l) => portFilter(l) === port.port);
  const catchAll = sidecar.egress.find((l) => portFilter(l) === undefined && listenerProtocol(l) !== 'HTTP_PROXY' && !l.bind);
  for (const l of owner ? [owner] : catchAll ? [catchAll] : []) {
    const added = { ...l, hosts: [...l.hosts, { raw: host, namespace: svc.namespace, dnsName: svc.hostname, path: [...l.path, 'hosts', l.hosts.length] }] };
    if (!works(sidecar.egress.map((x) => (x === l ? added : x)))) continue;
    return {
      description: `add "${host}" to the hosts of ${label(l)} of ${where}`,
      edits: [{ manifest: sidecar.manifest, path: [...l.path, 'hosts'], append: host }],
    };
  }
  if (owner || catchAll) return undefined;
  const index = sidecar.egress.length;
  const path = ['spec', 'egress', index];
  for (const protocol of protocolsFor(port)) {
    const name = `${protocol.toLowerCase()}-${port.port}`;
    const listener: EgressListener = {
      index,
      port: { number: port.port, protocol, name, path: [...path, 'port'] },
      hosts: [{ raw: host, namespace: svc.namespace, dnsName: svc.hostname, path: [...path, 'hosts', 0] }],
      path,
    };
    if (!works([...sidecar.egress, listener])) continue;
    return {
      description: `add an egress listener for port ${port.port} (${protocol}) with host "${host}" to ${where}`,
      edits: [{ manifest: sidecar.manifest, path: ['spec', 'egress'], append: { port: { number: port.port, protocol, name }, hosts: [host] } }],
    };
  }
  return undefined;
}
