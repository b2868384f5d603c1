// What label selectors (Sidecar workloadSelector, Service selector) pick: the pod templates and VM workloads
// (WorkloadEntry, WorkloadGroup) of their namespace whose labels include every selector label.
import { selectorMatches } from './labels.js';
import { matchingWorkloads, workloadsIn } from './lookup.js';
import { explainMiss, type SelectorMiss } from './selector-miss.js';
import type { Labels, Mesh, Workload, WorkloadEntry } from './types.js';
import type { Manifest } from '../types.js';

export interface SelectionTarget {
  readonly kind: string;
  /** "namespace/name" */
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  /** Pod template labels, or a VM's labels. */
  readonly labels: Labels;
  readonly manifest: Manifest;
  /** The pod template; undefined for a VM. */
  readonly workload?: Workload;
  /** The WorkloadEntry or WorkloadGroup; undefined for a pod template. */
  readonly entry?: WorkloadEntry;
}

const ofWorkload = new WeakMap<Workload, SelectionTarget>();

function podTarget(w: Workload): SelectionTarget {
  let t = ofWorkload.get(w);
  if (!t) ofWorkload.set(w, (t = { kind: w.kind, id: w.id, namespace: w.namespace, name: w.name, labels: w.podLabels, manifest: w.manifest, workload: w }));
  return t;
}

const vmTarget = (e: WorkloadEntry): SelectionTarget => ({ kind: e.kind, id: e.id, namespace: e.namespace, name: e.name, labels: e.labels, manifest: e.manifest, entry: e });

/** Pods and VMs in the model's order for workloads (namespace, name, kind), whatever their source. */
function merged(pods: readonly Workload[], vms: readonly WorkloadEntry[]): SelectionTarget[] {
  const out = pods.map(podTarget);
  if (!vms.length) return out;
  const key = (t: SelectionTarget): string => `${t.namespace}/${t.name}/${t.kind}`;
  return [...out, ...vms.map(vmTarget)].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** VM workloads the selector picks in one namespace, or in any when `namespace` is undefined. */
export function vmsSelectedBy(mesh: Mesh, selector: Labels, namespace?: string): WorkloadEntry[] {
  if (!mesh.workloadEntries.length) return [];
  return mesh.workloadEntries.filter((e) => (namespace === undefined || e.namespace === namespace) && selectorMatches(selector, e.labels));
}

/** The pod templates and VM workloads of one namespace. */
export function selectionTargetsIn(mesh: Mesh, namespace: string): SelectionTarget[] {
  return merged(workloadsIn(mesh, namespace), mesh.workloadEntries.filter((e) => e.namespace === namespace));
}

/** What the selector picks in one namespace (an empty selector picks everything there). */
export function selectedBy(mesh: Mesh, selector: Labels, namespace: string): SelectionTarget[] {
  return merged(matchingWorkloads(mesh, selector, namespace), vmsSelectedBy(mesh, selector, namespace));
}

export interface SelectorOutcome {
  /** What the selector picks in its own namespace. */
  readonly selected: readonly SelectionTarget[];
  /** Everything in that namespace when it picks nothing there (empty otherwise). */
  readonly inNamespace: readonly SelectionTarget[];
  /**
   * The input declares pods in that namespace, so it likely shows its workloads. VMs alone do not: they often register
   * themselves (WorkloadGroup) with labels of their own, and their entries are rarely kept with the manifests.
   */
  readonly namespaceShown: boolean;
  /** When it picks nothing at home, its matches in other namespaces, which it never reaches. */
  readonly elsewhere: readonly SelectionTarget[];
  /** Why it picks nothing at home; undefined when it picks something. */
  readonly miss?: SelectorMiss;
}

/** What the (non-empty) selector of a resource in `namespace` picks; when nothing, what it matches elsewhere and why. */
export function selectorOutcome(mesh: Mesh, selector: Labels, namespace: string): SelectorOutcome {
  const selected = selectedBy(mesh, selector, namespace);
  if (selected.length) return { selected, inNamespace: [], namespaceShown: true, elsewhere: [] };
  const inNamespace = selectionTargetsIn(mesh, namespace);
  const elsewhere = merged(
    matchingWorkloads(mesh, selector).filter((w) => w.namespace !== namespace),
    vmsSelectedBy(mesh, selector).filter((e) => e.namespace !== namespace),
  );
  const namespaceShown = inNamespace.some((t) => t.workload);
  return { selected, inNamespace, namespaceShown, elsewhere, miss: explainMiss(selector, inNamespace.map((t) => t.labels)) };
}
