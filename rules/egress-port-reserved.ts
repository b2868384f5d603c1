import { listenerProtocol } from '../src/model/egress.js';
import { family } from '../src/model/protocol.js';
import { defineRule } from '../src/rule.js';

// G9: a wildcard-bound listener (bind 0.0.0.0, or no bind with an HTTP protocol) on a port of Envoy's own is skipped.
const RESERVED: Readonly<Record<number, string>> = {
  15001: "Envoy's outbound capture port (virtualOutbound)",
  15006: "Envoy's inbound capture port (virtualInbound)",
  15021: "the sidecar's health status port",
  15090: "Envoy's Prometheus stats port",
};

// Simulation cases 7/8 (errata 1): 15001 and 15006 are blackholed; 15021/15090 land on bootstrap listeners (derived).
const fate = (n: number): string => (n === 15001 || n === 15006 ? 'are blackholed' : "reach the sidecar's own listener, not the service");

export default defineRule({
  meta: {
    id: 'egress-port-reserved',
    description: "A wildcard-bound egress listener uses one of the sidecar's own ports (15001, 15006, 15021, 15090)",
    rationale:
      'Istio does not build an outbound listener that would be bound to 0.0.0.0 (an explicit `bind: 0.0.0.0`, or no bind with an HTTP-family protocol) on the ports Envoy already owns: the capture ports 15001 and 15006, the status port 15021 and the Prometheus port 15090. The egress listener silently produces nothing, and calls to that port go to Envoy\'s own listener instead: 15001 and 15006 blackhole them, 15021 and 15090 most likely answer as the sidecar\'s health and stats endpoints (derived, not observed).',
    remediation: 'Serve the service on another port, or use a TCP protocol without bind so that the listener binds each service address instead of 0.0.0.0.',
    severity: 'warning',
    kinds: ['Sidecar'],
    example:
      'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: shop\nspec:\n  egress:\n    - port:\n        number: 15006\n        protocol: HTTP\n        name: http\n      hosts: ["./*"]\n',
  },
  check(manifest, ctx) {
    const sidecar = ctx.sidecarOf(manifest);
    if (!sidecar) return;
    for (const l of sidecar.egress) {
      const n = l.port?.number;
      const what = n === undefined ? undefined : RESERVED[n];
      if (!what || !l.port || l.captureMode === 'NONE') continue;
      const proto = listenerProtocol(l);
      const wildcard = l.bind === '0.0.0.0' || l.bind === '::' || (!l.bind && proto !== undefined && family(proto) === 'http');
      if (!wildcard) continue;
      ctx.report({
        message: `port ${n} is ${what}: Istio builds no ${l.bind ? `listener on ${l.bind}` : 'wildcard HTTP listener'} for it, so this egress listener has no effect and calls to port ${n} ${fate(n!)} → use another port`,
        path: [...l.port.path, 'number'],
      });
    }
  },
});
