// One pair's verdict, straight from the mesh's shared reachability engine (engineFor caches every scope per mesh), so
// that a lint run asking about a few inferred calls never pays for the whole workload × service matrix.
import type { Mesh, Sidecar, Workload } from '../model/types.js';
import { engineFor, type PairResult, type ReachEngine } from '../reach/engine.js';
import { viaService } from '../reach/resolve.js';
import { buildScope } from '../reach/scope-build.js';
import type { Verdict } from '../reach/types.js';
import { walk } from '../reach/walk.js';

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

/**
 * The verdict the pair would get if `patched` replaced the Sidecar that applies to w: the engine's own walk, on a
 * scope built from the patched Sidecar. The registry and the targets do not depend on Sidecars, so they are shared.
 * Undefined when no Sidecar decides the call (not meshed, not captured, a name that does not resolve).
 */
export function verdictWithSidecar(mesh: Mesh, w: Workload, to: string, patched: Sidecar): Verdict | undefined {
  const engine = engineFor(mesh);
  const i = targetIndex(engine, to);
  const c = engine.client(w);
  if (i === undefined || !c.choice || c.choice.capture.none || c.choice.sidecar?.id !== patched.id) return undefined;
  const t = engine.targets[i]!;
  if (t.kind === 'udp' || c.choice.capture.excludedPorts.has(t.port.port)) return undefined;
  const choice = { ...c.choice, sidecar: patched, key: `${c.choice.key}\u0000patched` };
  const res = choice.dnsCapture ? viaService(engine.reg, engine.reg.shadowed.get(t.svc) ?? t.svc, choice.namespace, 0, t.name, true) : t.resolution;
  if ('failure' in res) return undefined;
  return walk(buildScope(engine.reg, choice), res.dest, t.port.port, { kind: t.kind, authority: t.name, sni: t.name }).pairVerdict;
}
