import { ingressListenersOf } from '../src/model/sidecar-ingress.js';
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'ingress-port-duplicate',
    description: 'Two ingress listeners use the same port number',
    rationale:
      'Each Sidecar ingress listener becomes one inbound listener on its port; Istio rejects a Sidecar that repeats an ingress port ("ports on IP bound listeners must be unique"), whatever the `bind`.',
    remediation: 'Keep one ingress listener per port.',
    severity: 'error',
    kinds: ['Sidecar'],
    peers: ['IST0106'],
    example:
      'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: bar\nspec:\n  ingress:\n    - port:\n        number: 9080\n        protocol: HTTP\n        name: http\n      defaultEndpoint: 127.0.0.1:8080\n    - port:\n        number: 9080\n        protocol: TCP\n        name: tcp\n      defaultEndpoint: 127.0.0.1:8081\n',
  },
  check(manifest, ctx) {
    const sidecar = ctx.sidecarOf(manifest);
    if (!sidecar) return;
    const seen = new Map<number, number>();
    for (const l of ingressListenersOf(sidecar)) {
      const n = l.port?.number;
      if (n === undefined) continue;
      const earlier = seen.get(n);
      if (earlier === undefined) {
        seen.set(n, l.index);
        continue;
      }
      ctx.report({
        message: `ingress port ${n} is already used by spec.ingress[${earlier}] (${ctx.where(manifest, ['spec', 'ingress', earlier, 'port', 'number'])}): keep one listener per port`,
        path: [...l.path, 'port', 'number'],
      });
    }
  },
});
