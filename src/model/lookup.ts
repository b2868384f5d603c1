// Per-mesh indexes (by namespace, by pod label), built once on first use: rules ask "which workloads in ns X
// does this selector match" for every Service and Sidecar, and a scan of the whole mesh each time is O(n²).
import { selectorMatches } from './labels.js';
import type { Labels, Mesh, Service, Sidecar, Workload } from './types.js';

interface Lookup {
  readonly workloadsByNs: ReadonlyMap<string, readonly Workload[]>;
  /** "ns\0key\0value" → workloads of ns whose pods carry that label. */
  readonly workloadsByLabel: ReadonlyMap<string, readonly Workload[]>;
  /** "key\0value" → workloads of any namespace whose pods carry that label. */
  readonly workloadsByLabelAnyNs: ReadonlyMap<string, readonly Workload[]>;
  readonly servicesByNs: ReadonlyMap<string, readonly Service[]>;
  readonly sidecarsByNs: ReadonlyMap<string, readonly Sidecar[]>;
}

const lookups = new WeakMap<Mesh, Lookup>();
const NONE: readonly never[] = Object.freeze([]);

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

// Lists keep mesh order, so every answer equals the filter over the whole mesh that it replaces.
function lookupOf(mesh: Mesh): Lookup {
  let l = lookups.get(mesh);
  if (l) return l;
  const workloadsByNs = new Map<string, Workload[]>();
  const workloadsByLabel = new Map<string, Workload[]>();
  const workloadsByLabelAnyNs = new Map<string, Workload[]>();
  for (const w of mesh.workloads) {
    push(workloadsByNs, w.namespace, w);
    for (const k of Object.keys(w.podLabels)) {
      push(workloadsByLabel, `${w.namespace}\u0000${k}\u0000${w.podLabels[k]}`, w);
      push(workloadsByLabelAnyNs, `${k}\u0000${w.podLabels[k]}`, w);
    }
  }
  const servicesByNs = new Map<string, Service[]>();
  for (const s of mesh.services) push(servicesByNs, s.namespace, s);
  const sidecarsByNs = new Map<string, Sidecar[]>();
  for (const s of mesh.sidecars) push(sidecarsByNs, s.namespace, s);
  l = { workloadsByNs, workloadsByLabel, workloadsByLabelAnyNs, servicesByNs, sidecarsByNs };
  lookups.set(mesh, l);
  return l;
}

/** Workloads of a namespace, in mesh order. */
export function workloadsIn(mesh: Mesh, namespace: string): readonly Workload[] {
  return lookupOf(mesh).workloadsByNs.get(namespace) ?? NONE;
}

/** Services (Kubernetes and ServiceEntry hosts) of a namespace, in mesh order. */
export function servicesIn(mesh: Mesh, namespace: string): readonly Service[] {
  return lookupOf(mesh).servicesByNs.get(namespace) ?? NONE;
}

/** Sidecars of a namespace, in mesh order. */
export function sidecarsIn(mesh: Mesh, namespace: string): readonly Sidecar[] {
  return lookupOf(mesh).sidecarsByNs.get(namespace) ?? NONE;
}

/**
 * Workloads whose pod labels the selector matches, in mesh order: in one namespace, or in every namespace when
 * `namespace` is undefined. An empty selector matches every workload there.
 */
export function workloadsMatching(mesh: Mesh, selector: Labels, namespace?: string): Workload[] {
  const l = lookupOf(mesh);
  const keys = Object.keys(selector);
  if (!keys.length) return [...(namespace === undefined ? mesh.workloads : workloadsIn(mesh, namespace))];
  // Candidates carry the first selector label; the full selector is then checked on those few.
  const k = keys[0]!;
  const candidates = namespace === undefined ? l.workloadsByLabelAnyNs.get(`${k}\u0000${selector[k]}`) : l.workloadsByLabel.get(`${namespace}\u0000${k}\u0000${selector[k]}`);
  if (!candidates) return [];
  return keys.length === 1 ? [...candidates] : candidates.filter((w) => selectorMatches(selector, w.podLabels));
}
