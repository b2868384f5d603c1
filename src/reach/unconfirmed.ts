// Every choice the semantics document leaves UNCONFIRMED, in one place so that it is easy to change.
// Each entry is the verdict (or behaviour) we predict and the note that goes into the reason text.
import type { Verdict } from './types.js';

export interface Choice<T> {
  readonly value: T;
  /** Appended to reasons as "(unconfirmed: …)". */
  readonly note: string;
}

export const UNCONFIRMED = {
  /** K1: tcp_proxy with no healthy upstream closes the connection (UH); curl shows exit 52/56 like a blackhole. */
  tcpNoEndpoints: {
    value: '503' as Verdict,
    note: 'tcp_proxy closes the connection (UH); curl shows exit 52 or 56 as for a blackhole',
  },
  /** M2: a route to a cluster that does not exist: Envoy answers 503 NC (or 500). */
  routeToMissingCluster: {
    value: '503' as Verdict,
    note: 'Envoy has no such cluster and answers 503 with flag NC (possibly 500)',
  },
  /** Step 2 / G7: a name without DNS records (a headless Service without pods): the client fails before connecting. */
  dnsFailure: {
    value: '503' as Verdict,
    note: 'the client fails DNS resolution before connecting (curl exit 6); reported as 503 for "no endpoints"',
  },
  /** Errata 1 derived: Envoy's own status (15021) and Prometheus (15090) listeners on 0.0.0.0 take the connection. */
  staticListenerPort: {
    value: 'blackhole' as Verdict,
    note: "Envoy's own status/Prometheus listener on this port takes the connection instead of an outbound listener",
  },
  /** Step 2: ServiceEntry addresses are assumed to be what the host resolves to (DNS capture is off for sidecars). */
  serviceEntryAddress: {
    value: true,
    note: 'assumes the host resolves to the ServiceEntry address; without DNS capture the client uses real DNS',
  },
  /** K1: a selector-less Service has endpoints managed elsewhere (Endpoints/EndpointSlice objects or a controller). */
  selectorlessEndpoints: {
    value: true,
    note: 'a Service without selector gets its endpoints from elsewhere; assumed to have some',
  },
  /** K1: a named targetPort that no selected container declares leaves the port without endpoints. */
  namedTargetPort: {
    value: '503' as Verdict,
    note: 'Kubernetes drops pods whose containers do not declare the named targetPort',
  },
  /** Step 1.9: a client without a sidecar calling a Service without endpoints. */
  directNoEndpoints: {
    value: 'direct' as Verdict,
    note: 'kube-proxy refuses the connection or it times out, depending on its mode',
  },
  /** Step 8: plaintext passthrough to a server with STRICT mTLS is rejected at its inbound filter chain. */
  passthroughToStrict: {
    value: 'passthrough' as Verdict,
    note: 'a server with STRICT mTLS rejects it: the connection carries no Istio mTLS',
  },
  /** Wildcard ServiceEntry hosts: one pair per host as written, called with a name the wildcard covers. */
  wildcardHostLabel: {
    value: 'any',
    note: 'the wildcard host is called as',
  },
} as const satisfies Record<string, Choice<unknown>>;

export function unconfirmed(c: Choice<unknown>): string {
  return `(unconfirmed: ${c.note})`;
}
