// One pair's verdict, straight from the mesh's shared reachability engine (engineFor caches every scope per mesh), so
// that a lint run asking about a few inferred calls never pays for the whole workload × service matrix.
import type { Mesh, Sidecar, Workload } from '../model/types.js';
import { engineFor, type PairResult, type ReachEngine } from '../reach/engine.js';
import type { Verdict } from '../reach/types.js';

const indexes = new WeakMap<ReachEngine, ReadonlyMap<string, number>>();

function targetIndex(engine: ReachEngine, to: string): number | undefined {
  let index = indexes.get(engine);
  if (!index) indexes.set(engine, (index = new Map(engine.targets.map((t, i) => [t.to, i]))));
  return index.get(to);
}

/** The verdict and reason of the report's pair (from w.id, to "host:port"), or undefined when the report has no such column. */
export function pairOf(mesh: Mesh, w: Workload, to: string): PairResult | undefined {
  const engine = engineFor(mesh);
  const i = targetIndex(engine, to);
  return i === undefined ? undefined : engine.pair(w, i);
}

/** The verdict the pair would get if `patched` replaced the Sidecar that applies to w (see ReachEngine.pairWithSidecar). */
export function verdictWithSidecar(mesh: Mesh, w: Workload, to: string, patched: Sidecar): Verdict | undefined {
  const engine = engineFor(mesh);
  const i = targetIndex(engine, to);
  return i === undefined ? undefined : engine.pairWithSidecar(w, i, patched);
}
