// Newly blocked pairs as SARIF results, at the Sidecar that now blocks them: its outboundTrafficPolicy when that flipped,
// else the egress listener of the port (or the catch-all), else the Sidecar itself; the workload when no Sidecar applies.
import type { JsonPath } from '../json.js';
import { portFilter } from '../model/egress.js';
import type { Mesh } from '../model/types.js';
import { REPOSITORY_URL } from '../formatters/sarif-rules.js';
import { sarifLog } from '../formatters/sarif.js';
import type { FormatInput } from '../formatters/types.js';
import type { RuleMeta } from '../rule.js';
import type { Finding, Manifest, Target } from '../types.js';
import type { PairChange, ReachDiff } from './types.js';

export const NEWLY_BLOCKED: RuleMeta = {
  id: 'newly-blocked',
  description: 'A call that got through before the change is blocked after it',
  rationale:
    'istio-lint diff compares the reachability report of two versions of the manifests. A pair (workload, service port) whose verdict went from 200, passthrough or direct to 502, blackhole or 503 is a call that worked and will fail once the change is applied.',
  remediation: 'If the workload still needs the call, import the service again in its Sidecar (the reason says where); otherwise this is the intended effect of the change.',
  severity: 'error',
};

function where(change: PairChange, from: string, head: Mesh, base: Mesh | undefined): { manifest: Manifest; path: JsonPath; target: Target } | undefined {
  const sidecar = change.head?.sidecar ? head.sidecars.find((s) => s.id === change.head!.sidecar) : undefined;
  if (!sidecar) {
    const w = head.workloads.find((x) => x.id === from);
    return w ? { manifest: w.manifest, path: ['metadata', 'name'], target: 'value' } : undefined;
  }
  const before = base?.sidecars.find((s) => s.id === sidecar.id);
  if (before && before.outboundMode !== sidecar.outboundMode && sidecar.outboundMode) {
    return { manifest: sidecar.manifest, path: ['spec', 'outboundTrafficPolicy', 'mode'], target: 'value' };
  }
  const port = Number(change.to.slice(change.to.lastIndexOf(':') + 1));
  const listener = sidecar.egress.find((l) => portFilter(l) === port) ?? sidecar.egress.find((l) => portFilter(l) === undefined);
  if (listener) return { manifest: sidecar.manifest, path: [...listener.path, 'hosts'], target: 'key' };
  if (sidecar.egress.length) return { manifest: sidecar.manifest, path: ['spec', 'egress'], target: 'key' };
  return { manifest: sidecar.manifest, path: ['metadata', 'name'], target: 'value' };
}

export function newlyBlockedFindings(d: ReachDiff, head: Mesh, base: Mesh | undefined): Finding[] {
  const out: Finding[] = [];
  for (const w of d.workloads) {
    for (const c of w.changes) {
      if (c.change !== 'newly-blocked') continue;
      const at = where(c, w.id, head, base);
      if (!at) continue;
      const m = at.manifest;
      const r = m.source.locate(m.docIndex, [...m.basePath, ...at.path], at.target);
      out.push({
        ruleId: NEWLY_BLOCKED.id,
        severity: 'error',
        message: `call from ${w.id} to ${c.to} is newly blocked: ${c.base!.verdict} before, ${c.head!.verdict} now: ${c.head!.reason}`,
        file: m.source.path,
        line: r.start.line,
        column: r.start.column,
        endLine: r.end.line,
        endColumn: r.end.column,
        resource: { kind: m.kind, namespace: m.namespace, name: m.name },
        path: at.path,
      });
    }
  }
  return out;
}

export function formatSarif(findings: readonly Finding[], input: Pick<FormatInput, 'sources' | 'cwd' | 'version' | 'category'>): string {
  const log = sarifLog({ ...input, findings, rules: [NEWLY_BLOCKED], files: 0, resources: 0, color: false });
  // The pseudo-rule has no page under docs/rules: its help is the README's Diff section.
  for (const d of log.runs[0]!.tool.driver.rules ?? []) d.helpUri = `${REPOSITORY_URL}#diff`;
  return JSON.stringify(log, null, 2) + '\n';
}
