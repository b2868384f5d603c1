// Per-mesh indexes (by namespace, by pod label), built once on first use: rules ask "which workloads in ns X
// does this selector match" for every Service and Sidecar, and a scan of the whole mesh each time is O(n²).
import { selectorMatches } from './labels.js';
import type { Labels, Mesh, Service, Sidecar, Workload } from './types.js';

interface Lookup {
  readonly workloadsByNs: ReadonlyMap<string, readonly Workload[]>;
  /** ns → key → value → workloads of ns whose pods carry that label. */
  readonly workloadsByLabel: LabelIndex;
  readonly servicesByNs: ReadonlyMap<string, readonly Service[]>;
  readonly sidecarsByNs: ReadonlyMap<string, readonly Sidecar[]>;
}

// Nested maps rather than joined "ns\0key\0value" strings: a lookup then hashes strings the input already holds.
type LabelIndex = Map<string, Map<string, Map<string, Workload[]>>>;

const lookups = new WeakMap<Mesh, Lookup>();
const NONE: readonly never[] = Object.freeze([]);

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function pushLabel(ix: LabelIndex, ns: string, key: string, value: string, w: Workload): void {
  let byKey = ix.get(ns);
  if (!byKey) ix.set(ns, (byKey = new Map()));
  let byValue = byKey.get(key);
  if (!byValue) byKey.set(key, (byValue = new Map()));
  push(byValue, value, w);
}

// Lists keep mesh order, so every answer equals the filter over the whole mesh that it replaces.
function lookupOf(mesh: Mesh): Lookup {
  let l = lookups.get(mesh);
  if (l) return l;
  const workloadsByNs = new Map<string, Workload[]>();
  const workloadsByLabel: LabelIndex = new Map();
  for (const w of mesh.workloads) {
    push(workloadsByNs, w.namespace, w);
    for (const k of Object.keys(w.podLabels)) pushLabel(workloadsByLabel, w.namespace, k, w.podLabels[k]!, w);
  }
  const servicesByNs = new Map<string, Service[]>();
  for (const s of mesh.services) push(servicesByNs, s.namespace, s);
  const sidecarsByNs = new Map<string, Sidecar[]>();
  for (const s of mesh.sidecars) push(sidecarsByNs, s.namespace, s);
  l = { workloadsByNs, workloadsByLabel, servicesByNs, sidecarsByNs };
  lookups.set(mesh, l);
  return l;
}

const anyNsIndexes = new WeakMap<Mesh, LabelIndex>();

/** The label index over every namespace (under the key ""): only selectors that miss at home ask it, so built apart. */
function anyNsIndexOf(mesh: Mesh): LabelIndex {
  let ix = anyNsIndexes.get(mesh);
  if (ix) return ix;
  ix = new Map();
  for (const w of mesh.workloads) for (const k of Object.keys(w.podLabels)) pushLabel(ix, '', k, w.podLabels[k]!, w);
  anyNsIndexes.set(mesh, ix);
  return ix;
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
  return [...matchingWorkloads(mesh, selector, namespace)];
}

/** workloadsMatching without the copy, for callers that only read the list (it may be the index's own). */
export function matchingWorkloads(mesh: Mesh, selector: Labels, namespace?: string): readonly Workload[] {
  const l = lookupOf(mesh);
  const keys = Object.keys(selector);
  if (!keys.length) return namespace === undefined ? mesh.workloads : workloadsIn(mesh, namespace);
  // Candidates carry the first selector label; the full selector is then checked on those few.
  const k = keys[0]!;
  const candidates = namespace === undefined ? anyNsIndexOf(mesh).get('')?.get(k)?.get(selector[k]!) : l.workloadsByLabel.get(namespace)?.get(k)?.get(selector[k]!);
  if (!candidates) return NONE;
  return keys.length === 1 ? candidates : candidates.filter((w) => selectorMatches(selector, w.podLabels));
}
