// Which Sidecar governs a workload (istio-semantics.md B1–B5): selector Sidecars in the pod's namespace, then the
// namespace-wide one, then the root namespace's; within a level the oldest wins.
import { selectorMatches } from './labels.js';
import { sidecarsIn, workloadsIn, workloadsMatching } from './lookup.js';
import type { Labels, Mesh, Sidecar, Workload } from './types.js';

export type ScopeLevel = 'selector' | 'namespace' | 'root';

export interface ScopeCandidate {
  readonly sidecar: Sidecar;
  readonly level: ScopeLevel;
}

/**
 * Istio's order (configCompareByCreationTime): creationTimestamp, then name, then namespace. A Sidecar without a
 * timestamp (a manifest not yet applied) counts as newer than one that has it, since it would be created later.
 */
export function compareSidecarAge(a: Sidecar, b: Sidecar): number {
  const ta = a.creationTimestamp;
  const tb = b.creationTimestamp;
  if (ta !== tb) {
    if (ta === undefined) return 1;
    if (tb === undefined) return -1;
    const d = Date.parse(ta) - Date.parse(tb);
    if (d !== 0 && !Number.isNaN(d)) return d;
    if (ta !== tb) return ta < tb ? -1 : 1;
  }
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0;
}

/** Sidecars with a workloadSelector (an empty one included) that select the workload's pods, oldest first. */
export function selectorSidecarsOf(w: Workload, mesh: Mesh): Sidecar[] {
  return selectorSidecarsFor(w.namespace, w.podLabels, mesh);
}

/** The same for any labelled proxy of a namespace, such as a VM's (WorkloadEntry). */
export function selectorSidecarsFor(namespace: string, labels: Labels, mesh: Mesh): Sidecar[] {
  return sidecarsIn(mesh, namespace)
    .filter((s) => s.selector !== undefined && selectorMatches(s.selector, labels))
    .sort(compareSidecarAge);
}

/** Sidecars without a workloadSelector in a namespace, oldest first: only the first one is used (B1). */
export function namespaceSidecarsOf(namespace: string, mesh: Mesh): Sidecar[] {
  return sidecarsIn(mesh, namespace).filter((s) => s.selector === undefined).sort(compareSidecarAge);
}

/** Every Sidecar that could govern the workload, in Istio's precedence order; the first one applies. */
export function sidecarCandidates(w: Workload, mesh: Mesh): ScopeCandidate[] {
  const out: ScopeCandidate[] = selectorSidecarsOf(w, mesh).map((sidecar) => ({ sidecar, level: 'selector' as const }));
  out.push(...namespaceSidecarsOf(w.namespace, mesh).map((sidecar) => ({ sidecar, level: 'namespace' as const })));
  // The root Sidecar (selector-less, in the root namespace) is the mesh default; in the root namespace itself it is
  // already the namespace level.
  if (w.namespace !== mesh.settings.rootNamespace) {
    out.push(...namespaceSidecarsOf(mesh.settings.rootNamespace, mesh).map((sidecar) => ({ sidecar, level: 'root' as const })));
  }
  return out;
}

/** The Sidecar Istio applies to the workload's proxy, or undefined for the implicit default (egress `*\/*`). */
export function effectiveSidecar(w: Workload, mesh: Mesh): ScopeCandidate | undefined {
  return sidecarCandidates(w, mesh)[0];
}

/** Workloads whose proxy this Sidecar configures (it is their effective Sidecar). */
export function workloadsGovernedBy(s: Sidecar, mesh: Mesh): Workload[] {
  return mesh.workloads.filter((w) => effectiveSidecar(w, mesh)?.sidecar === s);
}

/** Workloads the Sidecar's own scope reaches before precedence: its selector's matches, or its whole namespace. */
export function workloadsInScopeOf(s: Sidecar, mesh: Mesh): Workload[] {
  return s.selector === undefined ? [...workloadsIn(mesh, s.namespace)] : workloadsMatching(mesh, s.selector, s.namespace);
}
