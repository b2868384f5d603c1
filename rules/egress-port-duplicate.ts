import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'egress-port-duplicate',
    description: 'Two egress listeners use the same port number',
    rationale:
      'Istio rejects a Sidecar whose egress listeners repeat a port ("ports on IP bound listeners must be unique"), even when their `bind` addresses differ (istio/istio#37487). If validation is bypassed, the first listener on the port defines the routes and the hosts of the second are ignored for HTTP.',
    remediation: 'Merge the hosts of both listeners into one listener for that port.',
    severity: 'error',
    kinds: ['Sidecar'],
    peers: ['IST0106'],
    example:
      'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: bar\nspec:\n  egress:\n    - port:\n        number: 9080\n        protocol: HTTP\n        name: http-a\n      hosts: ["foo/*"]\n    - port:\n        number: 9080\n        protocol: HTTP\n        name: http-b\n      hosts: ["baz/*"]\n',
  },
  check(manifest, ctx) {
    const sidecar = ctx.sidecarOf(manifest);
    if (!sidecar) return;
    const seen = new Map<number, (typeof sidecar.egress)[number]>();
    for (const l of sidecar.egress) {
      const n = l.port?.number;
      // Port 0 is a Unix domain socket listener; its uniqueness is by bind (egress-uds-bind).
      if (n === undefined || n === 0) continue;
      const earlier = seen.get(n);
      if (!earlier) {
        seen.set(n, l);
        continue;
      }
      const binds = l.bind !== undefined && earlier.bind !== undefined && l.bind !== earlier.bind;
      ctx.report({
        message: `port ${n} is already used by spec.egress[${earlier.index}] (${ctx.where(manifest, [...earlier.path, 'port', 'number'])})${binds ? `; Istio rejects this even with different binds (${earlier.bind}, ${l.bind})` : ''}: merge the hosts of both listeners into spec.egress[${earlier.index}]`,
        path: [...l.path, 'port', 'number'],
      });
    }
  },
});
