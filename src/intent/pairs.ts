// One pair's verdict, straight from the mesh's shared reachability engine (engineFor caches every scope per mesh), so
// that a lint run asking about a few inferred calls never pays for the whole workload × service matrix.
import type { Mesh, Workload } from '../model/types.js';
import { engineFor, type PairResult, type ReachEngine } from '../reach/engine.js';

const indexes = new WeakMap<ReachEngine, ReadonlyMap<string, number>>();

/** The verdict and reason of the report's pair (from w.id, to "host:port"), or undefined when the report has no such column. */
export function pairOf(mesh: Mesh, w: Workload, to: string): PairResult | undefined {
  const engine = engineFor(mesh);
  let index = indexes.get(engine);
  if (!index) indexes.set(engine, (index = new Map(engine.targets.map((t, i) => [t.to, i]))));
  const i = index.get(to);
  return i === undefined ? undefined : engine.pair(w, i);
}
