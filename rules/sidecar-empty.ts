import { asArray, asObject } from '../src/json.js';
import { defineRule } from '../src/rule.js';

const present = (v: unknown): boolean => v !== undefined && v !== null;

export default defineRule({
  meta: {
    id: 'sidecar-empty',
    description: 'A Sidecar sets no egress, ingress, outboundTrafficPolicy or inboundConnectionPool',
    rationale:
      'Istio rejects a Sidecar with nothing in it ("sidecar: empty configuration provided"). If such an object reached istiod anyway it would still win the Sidecar selection for its workloads and give them the default scope, hiding any other Sidecar.',
    remediation: 'Add the egress hosts the workloads call, for example `./*` and `istio-system/*`, or delete the Sidecar.',
    severity: 'error',
    kinds: ['Sidecar'],
    peers: ['IST0106'],
    example: 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: bar\nspec:\n  egress: []\n',
  },
  check(manifest, ctx) {
    const spec = asObject(manifest.value.spec);
    if (spec && (asArray(spec.egress).length || asArray(spec.ingress).length || present(spec.outboundTrafficPolicy) || present(spec.inboundConnectionPool))) return;
    // A non-object spec is the schema's finding; an absent one is empty.
    if (present(manifest.value.spec) && !spec) return;
    ctx.report({
      message: 'Sidecar has no egress, ingress, outboundTrafficPolicy or inboundConnectionPool, so Istio rejects it as empty: add egress hosts such as "./*" and "istio-system/*", or delete it',
      // `spec: null` is written in the file: point at it rather than at the name.
      path: spec || Object.hasOwn(manifest.value, 'spec') ? ['spec'] : ['metadata', 'name'],
      target: spec || Object.hasOwn(manifest.value, 'spec') ? 'key' : 'value',
    });
  },
});
