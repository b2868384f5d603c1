// Which objects of the input a cluster would hold: `kubectl apply` of the same object twice keeps the last copy.
import { asObject, asString } from '../json.js';
import type { Manifest } from '../types.js';

/** metadata.name as written; a generateName alone names no object until the API server makes one up. */
export function declaredName(m: Manifest): string | undefined {
  const name = asString(asObject(m.value.metadata)?.name);
  return name ? name : undefined;
}

/** The API group of an apiVersion: "" for the core group ("v1"), "apps" for "apps/v1". */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

export interface LastApplied {
  /** The input without the earlier copies, in input order. */
  readonly kept: readonly Manifest[];
  /** Each earlier copy → the copy the cluster keeps (the last one). */
  readonly superseded: ReadonlyMap<Manifest, Manifest>;
}

/**
 * One object is identified by group, kind, namespace and name (not by version: apps/v1 and apps/v1beta1 name the
 * same Deployment). Input order is the order kubectl applies: sorted files, then documents within a file.
 */
export function lastApplied(manifests: readonly Manifest[]): LastApplied {
  // Grouped by namespace and name (strings the input already holds) rather than by one joined key string per
  // manifest: a group holds the few objects of that name, such as a Deployment and its Service.
  const groups = new Map<string, Map<string, Manifest[]>>();
  const groupOfEach: (Manifest[] | undefined)[] = new Array<Manifest[] | undefined>(manifests.length);
  for (let i = 0; i < manifests.length; i++) {
    const m = manifests[i]!;
    const name = declaredName(m);
    if (name === undefined) continue;
    let byName = groups.get(m.namespace);
    if (!byName) groups.set(m.namespace, (byName = new Map()));
    let group = byName.get(name);
    if (!group) byName.set(name, (group = []));
    group.push(m);
    groupOfEach[i] = group;
  }
  const kept: Manifest[] = [];
  const superseded = new Map<Manifest, Manifest>();
  for (let i = 0; i < manifests.length; i++) {
    const m = manifests[i]!;
    const group = groupOfEach[i];
    const winner = group ? lastOf(group, m) : m;
    if (winner === m) kept.push(m);
    else superseded.set(m, winner);
  }
  return { kept, superseded };
}

/** The last object of the group that is the same object as `m` (same API group and kind); `m` itself at worst. */
function lastOf(group: readonly Manifest[], m: Manifest): Manifest {
  // A big group (many kinds under one name, hostile input) gets an index, so that it costs no quadratic scan.
  if (group.length > 16) return indexOfGroup(group).get(identity(m))!;
  for (let j = group.length - 1; j >= 0; j--) {
    const x = group[j]!;
    if (x === m || (x.kind === m.kind && groupOf(x.apiVersion) === groupOf(m.apiVersion))) return x;
  }
  return m;
}

const identity = (m: Manifest): string => `${groupOf(m.apiVersion)}\u0000${m.kind}`;
const groupIndexes = new WeakMap<readonly Manifest[], Map<string, Manifest>>();

function indexOfGroup(group: readonly Manifest[]): Map<string, Manifest> {
  let ix = groupIndexes.get(group);
  if (!ix) {
    ix = new Map();
    for (const x of group) ix.set(identity(x), x);
    groupIndexes.set(group, ix);
  }
  return ix;
}
