// The reachability diff: the machine contract of `istio-lint diff --format json`.
import type { Verdict } from '../reach/types.js';

/**
 * newly-blocked: allowed (200, passthrough, direct) before, blocked (502, blackhole, 503) now; newly-allowed: the
 * reverse; verdict-changed: another verdict of the same kind; reason-changed: same verdict, another reason;
 * added / removed: the pair exists on one side only (a workload or service port added or removed).
 */
export type ChangeKind = 'newly-blocked' | 'newly-allowed' | 'verdict-changed' | 'reason-changed' | 'added' | 'removed';
export const CHANGE_KINDS: readonly ChangeKind[] = ['newly-blocked', 'newly-allowed', 'verdict-changed', 'reason-changed', 'added', 'removed'];

export interface PairState {
  readonly verdict: Verdict;
  readonly reason: string;
  /** "namespace/name" of the Sidecar that applies, or null. */
  readonly sidecar: string | null;
}

export interface PairChange {
  /** "<fqdn>:<port>" as in the report. */
  readonly to: string;
  readonly change: ChangeKind;
  readonly base: PairState | null;
  readonly head: PairState | null;
}

export interface WorkloadChanges {
  /** "namespace/name" */
  readonly id: string;
  /** Sorted by destination. */
  readonly changes: readonly PairChange[];
}

export interface DiffSummary {
  /** Pairs present on both sides. */
  readonly compared: number;
  readonly newlyBlocked: number;
  readonly newlyAllowed: number;
  readonly verdictChanged: number;
  readonly reasonChanged: number;
  readonly added: number;
  readonly removed: number;
}

export interface ReachDiff {
  readonly summary: DiffSummary;
  /** Workloads with at least one change, sorted by id. */
  readonly workloads: readonly WorkloadChanges[];
}
