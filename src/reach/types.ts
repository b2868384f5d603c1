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

/** One connection from a workload, for questions the pair matrix cannot ask (a bare IP, a Host header, TLS). */
export interface Call {
  /** A name the client resolves (Service FQDN or short form, ServiceEntry host) or a literal IPv4 address. */
  readonly host: string;
  readonly port: number;
  /** What the client sends: plaintext HTTP/1.1 (default), raw TCP, or TLS with SNI = sni ?? host. */
  readonly protocol?: 'http' | 'tcp' | 'tls';
  /** HTTP Host header when it differs from `host` (curl -H 'Host: x' http://IP/). */
  readonly hostHeader?: string;
  readonly sni?: string;
  /** HTTP request path; unset: any path (a VirtualService uri match counts as satisfied). */
  readonly path?: string;
}

export interface CallResult {
  /** "dns-failure": the name does not resolve; "other": a case outside the six verdicts (e.g. a route to a missing cluster). */
  readonly verdict: Verdict | 'dns-failure' | 'other';
  readonly reason: string;
  /** Envoy names, when the call reached them: e.g. "0.0.0.0_80", "80", "outbound|80||a.b.svc.cluster.local", "block_all". */
  readonly listener?: string;
  readonly route?: string;
  readonly cluster?: string;
}
