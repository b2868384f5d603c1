// The reachability report: the machine contract of `istio-lint report --format json`.

export type Verdict = '200' | '502' | 'blackhole' | 'passthrough' | '503' | 'direct';
export const VERDICTS: readonly Verdict[] = ['200', '502', 'blackhole', 'passthrough', '503', 'direct'];

export interface WorkloadSummary {
  /** "namespace/name" */
  readonly id: string;
  readonly kind: string;
  readonly meshed: boolean;
  /** "namespace/name" of the Sidecar that applies, or null (implicit default scope, or not meshed). */
  readonly sidecar: string | null;
  readonly outboundTrafficPolicy: 'ALLOW_ANY' | 'REGISTRY_ONLY';
}

export interface Pair {
  /** "namespace/workload" */
  readonly from: string;
  /** "<fqdn>:<port>": name.ns.svc.<domain> for Services, the host for ServiceEntries. */
  readonly to: string;
  readonly verdict: Verdict;
  /** What a person can act on: which Sidecar, which listener, which route or fallthrough, what would change it. */
  readonly reason: string;
  readonly sidecar: string | null;
}

export interface ReachReport {
  readonly assumptions: readonly string[];
  readonly workloads: readonly WorkloadSummary[];
  /** Sorted by from, then to. */
  readonly pairs: readonly Pair[];
}
