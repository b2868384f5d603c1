// Which Kubernetes Services select a workload, and which container port a Service port lands on (K1, O1).
// What a selector picks (pods and VMs) is in selection.ts.
import { selectorMatches } from './labels.js';
import { servicesIn } from './lookup.js';
import type { Mesh, Service, ServicePort, Workload } from './types.js';

/** Kubernetes Services in the workload's namespace whose (non-empty) selector matches its pod labels. */
export function servicesSelecting(w: Workload, mesh: Mesh): Service[] {
  return servicesIn(mesh, w.namespace).filter(
    (s) => s.source === 'Service' && s.kube?.selector !== undefined && selectorMatches(s.kube.selector, w.podLabels),
  );
}

/**
 * The container port a Service port sends to on this workload: a numeric targetPort, a named one resolved against the
 * workload's container ports, or the port itself when targetPort is unset. Undefined when a name does not resolve.
 */
export function targetPortOn(p: ServicePort, w: Workload): number | undefined {
  if (typeof p.targetPort === 'number') return p.targetPort;
  if (typeof p.targetPort === 'string') {
    if (/^\d+$/.test(p.targetPort)) return Number(p.targetPort);
    return w.containerPorts.find((c) => c.name === p.targetPort)?.containerPort;
  }
  return p.port;
}
