import { asArray, asObject } from '../src/json.js';
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'sidecar-target-port',
    description: 'A Sidecar egress or ingress port sets targetPort, which has no effect',
    rationale:
      'A Sidecar listener port has no target: egress traffic keeps the destination port and ingress traffic goes to `defaultEndpoint`. Istio rejects a Sidecar port with `targetPort` ("targetPort has no impact on Sidecars").',
    remediation: 'Remove `targetPort`; for an ingress listener set `defaultEndpoint: 127.0.0.1:<app port>` instead.',
    severity: 'error',
    kinds: ['Sidecar'],
    peers: ['IST0106'],
    example:
      'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: bar\nspec:\n  egress:\n    - port:\n        number: 80\n        protocol: HTTP\n        name: http\n        targetPort: 8080\n      hosts: ["./*"]\n',
  },
  check(manifest, ctx) {
    const spec = asObject(manifest.value.spec);
    for (const section of ['egress', 'ingress'] as const) {
      asArray(spec?.[section]).forEach((l, i) => {
        const port = asObject(asObject(l)?.port);
        const target = port?.targetPort;
        // Istio checks targetPort > 0; the zero value means unset.
        if (target === undefined || target === null || target === 0) return;
        const hint = section === 'ingress' ? `; to forward to ${JSON.stringify(target)} set defaultEndpoint: "127.0.0.1:${String(target)}"` : '';
        ctx.report({
          message: `targetPort ${JSON.stringify(target)} has no effect on a Sidecar ${section} port and Istio rejects it: remove it${hint}`,
          path: ['spec', section, i, 'port', 'targetPort'],
          target: 'key',
        });
      });
    }
  },
});
