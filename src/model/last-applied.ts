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
  const last = new Map<string, Manifest>();
  const keyOf = (m: Manifest): string | undefined => {
    const name = declaredName(m);
    return name === undefined ? undefined : `${groupOf(m.apiVersion)}\u0000${m.kind}\u0000${m.namespace}\u0000${name}`;
  };
  for (const m of manifests) {
    const key = keyOf(m);
    if (key !== undefined) last.set(key, m);
  }
  const kept: Manifest[] = [];
  const superseded = new Map<Manifest, Manifest>();
  for (const m of manifests) {
    const key = keyOf(m);
    const winner = key === undefined ? m : last.get(key)!;
    if (winner === m) kept.push(m);
    else superseded.set(m, winner);
  }
  return { kept, superseded };
}
