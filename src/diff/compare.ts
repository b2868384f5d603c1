// Two reachability reports → the pairs whose verdict or reason changed, grouped by workload.
import { ALLOWED_VERDICTS } from '../reach/graph.js';
import type { Pair, ReachReport } from '../reach/types.js';
import type { ChangeKind, PairChange, PairState, ReachDiff, WorkloadChanges } from './types.js';

const allowed = (p: Pair): boolean => ALLOWED_VERDICTS.includes(p.verdict);
const state = (p: Pair): PairState => ({ verdict: p.verdict, reason: p.reason, sidecar: p.sidecar });

function kindOf(base: Pair | undefined, head: Pair | undefined): ChangeKind | undefined {
  if (!base) return 'added';
  if (!head) return 'removed';
  if (base.verdict !== head.verdict) {
    if (allowed(base) && !allowed(head)) return 'newly-blocked';
    if (!allowed(base) && allowed(head)) return 'newly-allowed';
    return 'verdict-changed';
  }
  return base.reason !== head.reason ? 'reason-changed' : undefined;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function diffReports(base: ReachReport, head: ReachReport): ReachDiff {
  const key = (p: Pair): string => `${p.from}\u0000${p.to}`;
  const before = new Map(base.pairs.map((p) => [key(p), p]));
  const after = new Map(head.pairs.map((p) => [key(p), p]));
  const byWorkload = new Map<string, PairChange[]>();
  const counts: Record<ChangeKind, number> = { 'newly-blocked': 0, 'newly-allowed': 0, 'verdict-changed': 0, 'reason-changed': 0, added: 0, removed: 0 };
  let compared = 0;
  for (const k of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(k);
    const h = after.get(k);
    if (b && h) compared++;
    const change = kindOf(b, h);
    if (!change) continue;
    counts[change]++;
    const p = (h ?? b)!;
    const list = byWorkload.get(p.from) ?? [];
    list.push({ to: p.to, change, base: b ? state(b) : null, head: h ? state(h) : null });
    byWorkload.set(p.from, list);
  }
  const workloads: WorkloadChanges[] = [...byWorkload.entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([id, changes]) => ({ id, changes: changes.sort((x, y) => cmp(x.to, y.to)) }));
  return {
    summary: {
      compared,
      newlyBlocked: counts['newly-blocked'],
      newlyAllowed: counts['newly-allowed'],
      verdictChanged: counts['verdict-changed'],
      reasonChanged: counts['reason-changed'],
      added: counts.added,
      removed: counts.removed,
    },
    workloads,
  };
}
