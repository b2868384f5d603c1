import { asObject } from '../src/json.js';
import { quote } from '../src/model/describe.js';
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'selector-label-invalid',
    description: 'A workloadSelector label has an empty key or a "*" in its key',
    rationale:
      'Sidecar workload selectors are exact label matches. Istio rejects an empty key ("empty key is not supported in selector") and any `*` ("wildcard is not supported in selector"): there is no wildcard matching of labels. A `*` in a value is reported by the schema rule.',
    remediation: 'Use the exact label key and value of the pods to select, or remove `workloadSelector` to cover the whole namespace.',
    severity: 'error',
    kinds: ['Sidecar'],
    peers: ['IST0106'],
    example:
      'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: reviews\n  namespace: bar\nspec:\n  workloadSelector:\n    labels:\n      "app*": reviews\n  egress:\n    - hosts: ["./*"]\n',
  },
  check(manifest, ctx) {
    const labels = asObject(asObject(asObject(manifest.value.spec)?.workloadSelector)?.labels);
    if (!labels) return;
    // A "*" in a value is the schema's finding (its label value pattern); keys are not constrained there.
    for (const [k, v] of Object.entries(labels)) {
      const path = ['spec', 'workloadSelector', 'labels', k];
      const value = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
      if (k === '') ctx.report({ message: `label key is empty (value ${quote(value)}): write the pod label's key`, path, target: 'key' });
      else if (k.includes('*')) ctx.report({ message: `label key ${quote(k)} contains "*", but selectors match labels exactly: write the full key`, path, target: 'key' });
    }
  },
});
