import { noMatchClause } from '../src/checks/selector-miss.js';
import { listOf } from '../src/model/describe.js';
import { formatLabels } from '../src/model/labels.js';
import { selectorOutcome, type SelectionTarget } from '../src/model/selection.js';
import { defineRule } from '../src/rule.js';

/** A controller scaled to zero runs no pods (Jobs, DaemonSets and bare Pods have no replicas field; VMs none at all). */
const scaledToZero = (t: SelectionTarget): boolean => t.workload?.replicas === 0;

export default defineRule({
  meta: {
    id: 'service-no-endpoints',
    description: 'A Service selector matches no workload, so callers get 503',
    rationale:
      'A Kubernetes Service gets endpoints from the pods (and, in Istio, the WorkloadEntries) its selector matches in its own namespace. With none (no matching pod template, or only controllers scaled to zero replicas), Envoy has no healthy upstream and answers HTTP calls with 503 (UH) and resets TCP connections. Input is often partial, so the rule only speaks when it can see workloads in the Service\'s namespace, or a matching workload in another namespace.',
    remediation: 'Fix the Service selector (or the pod template labels) so that it matches the pods that serve it, or scale the workload up.',
    severity: 'warning',
    precision: 'medium',
    kinds: ['Service'],
    example:
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: reviews\n  namespace: bar\nspec:\n  selector:\n    app: review\n  ports:\n    - name: http\n      port: 9080\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: reviews\n  namespace: bar\nspec:\n  selector:\n    matchLabels:\n      app: reviews\n  template:\n    metadata:\n      labels:\n        app: reviews\n    spec:\n      containers:\n        - name: app\n          image: reviews\n',
  },
  check(manifest, ctx) {
    const svc = ctx.servicesOf(manifest)[0];
    const selector = svc?.kube?.selector;
    if (!svc || !selector || svc.kube?.type === 'ExternalName') return;
    const ns = svc.namespace;
    // Istio adds the VMs a Service selects (WorkloadEntries, and those a WorkloadGroup registers) as endpoints too.
    const { selected, namespaceShown, elsewhere, miss } = selectorOutcome(ctx.mesh, selector, ns);
    if (!miss) {
      // Matching controllers that all ask for zero pods still leave the Service without endpoints.
      if (!selected.every(scaledToZero)) return;
      const sel = formatLabels(selector);
      ctx.report({
        message: `selector ${sel} matches only ${listOf(selected.map((w) => ctx.ref(w.manifest)))}, scaled to replicas: 0, so callers get 503 (no healthy upstream): scale it up or point the selector at a running workload`,
        path: ['spec', 'selector'],
        target: 'key',
      });
      return;
    }
    // Partial input: the namespace's workloads may live elsewhere, so only a match in another namespace says anything.
    if (!namespaceShown && !elsewhere.length) return;
    const sel = formatLabels(selector);
    const why = elsewhere.length
      ? `it matches ${listOf(elsewhere.map((w) => ctx.ref(w.manifest)))}, but a Service selects pods in its own namespace (${ns}) only`
      : noMatchClause(miss, selector, ns);
    ctx.report({
      message: `selector ${sel} matches no workload, so callers of ${svc.name}.${ns} get 503 (no healthy upstream): ${why}; fix the selector or the pod template labels`,
      path: ['spec', 'selector', miss.key],
      target: miss.reason === 'value' ? 'value' : 'key',
    });
  },
});
