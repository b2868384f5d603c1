import { asArray, asObject } from '../src/json.js';
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'egress-listener-order',
    description: 'The egress listener without a port is not the last one, or there are several',
    rationale:
      'An egress listener without `port` is the catch-all for every port the other listeners do not name. Istio accepts only one, and only as the last entry ("the egress listener with empty port should be the last listener in the list"). If validation is bypassed, istiod picks routes from the first port-less listener for every later port, so the listeners after it lose their hosts.',
    remediation: 'Keep a single egress listener without `port` and move it to the end of `spec.egress`.',
    severity: 'error',
    kinds: ['Sidecar'],
    peers: ['IST0106'],
    example:
      'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: bar\nspec:\n  egress:\n    - hosts: ["./*"]\n    - port:\n        number: 9080\n        protocol: HTTP\n        name: http\n      hosts: ["foo/*"]\n',
  },
  check(manifest, ctx) {
    const egress = asArray(asObject(manifest.value.spec)?.egress);
    // Istio checks `port == nil`: an absent or null port makes the catch-all listener.
    const portless = egress.flatMap((e, i) => {
      const o = asObject(e);
      return o && (o.port === undefined || o.port === null) ? [i] : [];
    });
    const first = portless[0];
    for (const i of portless) {
      if (i !== first) {
        ctx.report({
          message: `only one egress listener may omit "port", and spec.egress[${first}] already does: give this one a port or merge its hosts into spec.egress[${first}]`,
          path: ['spec', 'egress', i],
        });
      } else if (i !== egress.length - 1) {
        ctx.report({
          message: `the egress listener without "port" is entry ${i + 1} of ${egress.length}: it must be the last one, after the listeners with ports; move it to the end`,
          path: ['spec', 'egress', i],
        });
      }
    }
  },
});
