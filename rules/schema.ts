import { defineRule } from '../src/rule.js';
import { validateManifest } from '../src/schema.js';

export default defineRule({
  meta: {
    id: 'schema',
    description: 'A resource does not match the JSON Schema of its kind',
    rationale:
      'The API server (or Istio\'s admission webhook) rejects objects whose fields have the wrong type or an unknown value, so `kubectl apply` fails; if validation is bypassed, Istio ignores or misreads the field.',
    remediation: 'Fix the field as the message says; see the Kubernetes or Istio API reference for its type.',
    severity: 'error',
    peers: ['IST0106'],
    example: 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: bad\nspec:\n  egress:\n    - port:\n        number: http\n      hosts: ["./*"]\n',
  },
  check(manifest, ctx) {
    for (const v of validateManifest(manifest)) {
      ctx.report({ message: v.message, path: v.path, ...(v.target ? { target: v.target } : {}), ...(v.severity ? { severity: v.severity } : {}) });
    }
  },
});
