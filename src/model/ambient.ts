// Ambient mode, where Sidecars have no effect (istioctl util/in_mesh.go; IST0167).
import type { Labels, Mesh, Workload } from './types.js';

/** A namespace labelled for ambient that has no sidecar-injection label (with one, istioctl counts it as sidecar mode). */
export function isAmbientNamespace(labels: Labels): boolean {
  return labels['istio.io/dataplane-mode'] === 'ambient' && labels['istio-injection'] !== 'enabled' && !labels['istio.io/rev'];
}

/** A pod redirected to ztunnel: its namespace is ambient, or it carries the ambient redirection annotation. */
export function isAmbientWorkload(w: Workload, mesh: Mesh): boolean {
  if (w.podAnnotations['ambient.istio.io/redirection'] === 'enabled') return true;
  return isAmbientNamespace(mesh.namespaces.get(w.namespace)?.labels ?? {});
}
