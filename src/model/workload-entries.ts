// WorkloadEntry and WorkloadGroup: workloads outside Kubernetes (VMs) that run their own Istio proxy. Sidecar and
// Service selectors pick them by label like pods, in their own namespace.
import { asObject, asString, asStringMap } from '../json.js';
import type { Manifest } from '../types.js';
import type { Labels, WorkloadEntry } from './types.js';

export function readWorkloadEntry(m: Manifest, kind: WorkloadEntry['kind']): WorkloadEntry {
  const spec = asObject(m.value.spec);
  // A group is the template of the entries its VMs register: their labels are spec.template.labels overlaid with
  // spec.metadata.labels (and the proxy's own, which the input cannot show), as istiod's autoregistration merges them.
  const entry = kind === 'WorkloadEntry' ? spec : asObject(spec?.template);
  const labels: Labels =
    kind === 'WorkloadEntry' ? asStringMap(entry?.labels) : Object.assign(Object.create(null) as Record<string, string>, asStringMap(entry?.labels), asStringMap(asObject(spec?.metadata)?.labels));
  const address = asString(entry?.address);
  return { id: `${m.namespace}/${m.name}`, kind, namespace: m.namespace, name: m.name, labels, ...(address ? { address } : {}), manifest: m };
}
