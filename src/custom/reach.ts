// A reach custom rule: every (workload, host:port) pair it selects in the reachability report must have an allowed verdict.
import { asObject, type JsonPath } from '../json.js';
import type { Mesh, Workload } from '../model/types.js';
import { buildReachReport } from '../reach/report.js';
import type { Pair } from '../reach/types.js';
import { defineRule, type Rule, type RuleContext, type RuleMeta } from '../rule.js';
import type { Manifest, Target } from '../types.js';
import { describeSelector, globSelector, labelSelector, valueSelector } from './select.js';
import { compileTemplate, REACH_VARIABLES } from './template.js';
import { listOf, type CustomRuleSpec } from './types.js';

interface ReachIndex {
  readonly pairsFrom: ReadonlyMap<string, readonly Pair[]>;
  /** Namespaces of the Services and ServiceEntries that declare a host. */
  readonly namespacesOf: ReadonlyMap<string, readonly string[]>;
}

// One report per lint run (one Mesh), built the first time an enabled reach rule asks for it.
const reports = new WeakMap<Mesh, ReachIndex>();

function reachIndex(mesh: Mesh): ReachIndex {
  let index = reports.get(mesh);
  if (!index) {
    const pairsFrom = new Map<string, Pair[]>();
    for (const p of buildReachReport(mesh).pairs) {
      const list = pairsFrom.get(p.from) ?? [];
      list.push(p);
      pairsFrom.set(p.from, list);
    }
    const namespacesOf = new Map<string, string[]>();
    for (const s of mesh.services) {
      const list = namespacesOf.get(s.hostname) ?? [];
      if (!list.includes(s.namespace)) list.push(s.namespace);
      namespacesOf.set(s.hostname, list);
    }
    index = { pairsFrom, namespacesOf };
    reports.set(mesh, index);
  }
  return index;
}

/** "a.b.svc.cluster.local:80" → host and port (hosts have no ":"; IPv6 literals are not destinations here). */
function splitTo(to: string): { host: string; port: string } {
  const i = to.lastIndexOf(':');
  return i < 0 ? { host: to, port: '' } : { host: to.slice(0, i), port: to.slice(i + 1) };
}

export function compileReach(spec: CustomRuleSpec, meta: RuleMeta): Rule {
  const r = spec.reach!;
  const fromNamespace = globSelector(r.from?.namespace);
  const fromWorkload = globSelector(r.from?.workload);
  const fromLabels = labelSelector(r.from?.labels);
  const toNamespace = r.to?.namespace === undefined ? undefined : globSelector(r.to.namespace);
  const toHost = globSelector(r.to?.host);
  const toPort = valueSelector(listOf(r.to?.port));
  const verdicts = listOf(r.verdict).map(String);
  const allowed = valueSelector(verdicts);
  const expected = describeSelector(verdicts);
  const template = spec.message === undefined ? undefined : compileTemplate(spec.message, REACH_VARIABLES, ['message']);

  return defineRule({
    meta,
    check(m, ctx) {
      const w = ctx.workloadOf(m);
      if (!w || !fromNamespace(w.namespace) || !fromWorkload(w.name) || !fromLabels(w.podLabels)) return;
      const index = reachIndex(ctx.mesh);
      for (const pair of index.pairsFrom.get(w.id) ?? []) {
        const { host, port } = splitTo(pair.to);
        if (!toHost(host) || !toPort(port)) continue;
        if (toNamespace && !(index.namespacesOf.get(host) ?? []).some(toNamespace)) continue;
        if (allowed(pair.verdict)) continue;
        const at = reportedAt(pair, w, ctx);
        const error = `call from ${pair.from} to ${pair.to} gets ${pair.verdict}, expected ${expected}: ${pair.reason}`;
        const message = template
          ? template({
              id: meta.id,
              severity: meta.severity,
              description: meta.description,
              kind: at.manifest.kind,
              namespace: at.manifest.namespace,
              name: at.manifest.name,
              from: pair.from,
              workload: w.name,
              to: pair.to,
              host,
              port,
              verdict: pair.verdict,
              expected,
              reason: pair.reason,
              sidecar: pair.sidecar ?? 'none',
              error,
            })
          : error;
        ctx.report({ message, manifest: at.manifest, path: at.path, target: at.target });
      }
    },
  });
}

/** The Sidecar that governs the workload (its egress, which decides what it reaches), else the workload itself. */
function reportedAt(pair: Pair, w: Workload, ctx: RuleContext): { manifest: Manifest; path: JsonPath; target: Target } {
  const sidecar = pair.sidecar ? ctx.mesh.sidecars.find((s) => s.id === pair.sidecar) : undefined;
  if (sidecar) {
    return asObject(sidecar.manifest.value.spec)?.egress !== undefined
      ? { manifest: sidecar.manifest, path: ['spec', 'egress'], target: 'key' }
      : { manifest: sidecar.manifest, path: ['metadata', 'name'], target: 'value' };
  }
  return { manifest: w.manifest, path: ['metadata', 'name'], target: 'value' };
}
