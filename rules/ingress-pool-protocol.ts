import { asObject } from '../src/json.js';
import { quote } from '../src/model/describe.js';
import { family, parseProtocol } from '../src/model/protocol.js';
import { ingressListenersOf } from '../src/model/sidecar-ingress.js';
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'ingress-pool-protocol',
    description: 'An ingress listener whose protocol is not HTTP has HTTP connection pool settings, which are ignored',
    rationale:
      'Envoy applies `connectionPool.http` only to HTTP listeners. On a TCP, TLS or protocol-sniffed ingress port only the `tcp` settings take effect; Istio accepts the Sidecar with a warning ("only TCP settings will apply").',
    remediation: 'Move the limits to `connectionPool.tcp`, or declare the port protocol as HTTP, HTTP2 or GRPC if the traffic is HTTP.',
    severity: 'warning',
    kinds: ['Sidecar'],
    peers: ['IST0133'],
    example:
      'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: bar\nspec:\n  ingress:\n    - port:\n        number: 9080\n        protocol: TCP\n        name: tcp\n      defaultEndpoint: 127.0.0.1:8080\n      connectionPool:\n        http:\n          http1MaxPendingRequests: 10\n',
  },
  check(manifest, ctx) {
    const sidecar = ctx.sidecarOf(manifest);
    if (!sidecar) return;
    for (const l of ingressListenersOf(sidecar)) {
      if (!l.port || !asObject(asObject(l.value.connectionPool)?.http)) continue;
      const p = parseProtocol(l.port.protocol);
      if (family(p) === 'http') continue;
      const proto = l.port.protocol ? `protocol ${quote(l.port.protocol)}` : 'no protocol (sniffed)';
      ctx.report({
        message: `connectionPool.http on ingress port ${l.port.number ?? '?'} is ignored because the port has ${proto}: only tcp settings apply; move the limits to connectionPool.tcp or set protocol HTTP`,
        path: [...l.path, 'connectionPool', 'http'],
        target: 'key',
      });
    }
  },
});
