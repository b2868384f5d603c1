import { asObject } from '../src/json.js';
import { listOf } from '../src/model/describe.js';
import { namespaceSidecarsOf } from '../src/model/sidecar-scope.js';
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'selector-empty-labels',
    description: 'A workloadSelector without labels selects the whole namespace and outranks its namespace-wide Sidecar',
    rationale:
      'Istio warns that a `workloadSelector` without labels "will be applied to all services in namespace". istiod treats it as a selector that matches every pod and ranks selector Sidecars before the namespace-wide one, so it silently replaces the namespace default (and competes with every other selector Sidecar), while `istioctl analyze` counts it as namespace-wide.',
    remediation: 'Add the labels of the pods to select, or remove `workloadSelector` to make this the namespace-wide Sidecar.',
    severity: 'warning',
    kinds: ['Sidecar'],
    peers: ['IST0133'],
    example:
      'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: all\n  namespace: bar\nspec:\n  workloadSelector:\n    labels: {}\n  egress:\n    - hosts: ["./*"]\n',
  },
  check(manifest, ctx) {
    const sidecar = ctx.sidecarOf(manifest);
    if (!sidecar?.selector || Object.keys(sidecar.selector).length) return;
    const ws = asObject(asObject(manifest.value.spec)?.workloadSelector);
    // Labels of the wrong type (a string, a list) are the schema's finding, not an empty selector.
    if (ws && ws.labels !== undefined && ws.labels !== null && !asObject(ws.labels)) return;
    const path = ws && ws.labels !== undefined ? ['spec', 'workloadSelector', 'labels'] : ['spec', 'workloadSelector'];
    const defaults = namespaceSidecarsOf(sidecar.namespace, ctx.mesh);
    const shadowed = defaults.length
      ? `outranks the namespace-wide ${listOf(defaults.map((s) => ctx.ref(s.manifest)))}, which then applies to no pod`
      : 'outranks any namespace-wide Sidecar added later';
    ctx.report({
      message: `workloadSelector has no labels, so it selects every pod in namespace ${sidecar.namespace} and ${shadowed}: add labels, or remove workloadSelector to make this the namespace default`,
      path,
      target: 'key',
    });
  },
});
