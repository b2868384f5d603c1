// Schema validation as a rule: the messages and paths come from src/schema.ts (ajv against schemas/*.schema.json).
import { defineRule } from '../src/rule.js';
import { validateManifest } from '../src/schema.js';

export default defineRule({
  meta: {
    id: 'schema',
    description: 'A resource does not match the JSON Schema of its kind',
    rationale:
      "The API server rejects such objects (`kubectl apply` fails on wrong types, unknown fields under strict field validation, bad names or label values), and so do Istio's CRD schemas and validating webhook (ports outside 1..65535, unknown protocols or enum values). If validation is bypassed, Istio drops or misreads the field, and the mesh does not do what the manifest says. Unknown fields in an IstioOperator's meshConfig are only warnings: istioctl ignores them.",
    remediation: 'Fix the field as the message says (quote strings such as label values, remove quotes around numbers, correct the spelling of a field); see the Kubernetes or Istio API reference of the kind.',
    severity: 'error',
    precision: 'very-high',
    kinds: ['Sidecar', 'ServiceEntry', 'VirtualService', 'IstioOperator', 'Namespace', 'Service', 'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'ConfigMap'],
    peers: ['IST0106'],
    example: 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: bad\nspec:\n  egress:\n    - port:\n        number: http\n      hosts: ["./*"]\n',
  },
  check(manifest, ctx) {
    for (const v of validateManifest(manifest)) {
      ctx.report({ message: v.message, path: v.path, ...(v.target ? { target: v.target } : {}), ...(v.severity ? { severity: v.severity } : {}) });
    }
  },
});
