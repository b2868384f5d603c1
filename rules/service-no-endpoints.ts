import { listOf, quote, refOf } from '../src/model/describe.js';
import { workloadsSelectedBy } from '../src/model/endpoints.js';
import { formatLabels, selectorMatches } from '../src/model/labels.js';
import { explainMiss } from '../src/model/selector-miss.js';
import type { Workload } from '../src/model/types.js';
import { defineRule } from '../src/rule.js';

/** A controller scaled to zero runs no pods (Jobs, DaemonSets and bare Pods have no replicas field). */
const scaledToZero = (w: Workload): boolean => w.replicas === 0;

export default defineRule({
  meta: {
    id: 'service-no-endpoints',
    description: 'A Service selector matches no workload, so callers get 503',
    rationale:
      'A Kubernetes Service gets endpoints from the pods its selector matches in its own namespace. With none (no matching pod template, or only controllers scaled to zero replicas), Envoy has no healthy upstream and answers HTTP calls with 503 (UH) and resets TCP connections. Input is often partial, so the rule only speaks when it can see workloads in the Service\'s namespace, or a matching workload in another namespace.',
    remediation: 'Fix the Service selector (or the pod template labels) so that it matches the pods that serve it, or scale the workload up.',
    severity: 'warning',
    kinds: ['Service'],
    example:
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: reviews\n  namespace: bar\nspec:\n  selector:\n    app: review\n  ports:\n    - name: http\n      port: 9080\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: reviews\n  namespace: bar\nspec:\n  selector:\n    matchLabels:\n      app: reviews\n  template:\n    metadata:\n      labels:\n        app: reviews\n    spec:\n      containers:\n        - name: app\n          image: reviews\n',
  },
  check(manifest, ctx) {
    const svc = ctx.servicesOf(manifest)[0];
    const selector = svc?.kube?.selector;
    if (!svc || !selector || svc.kube?.type === 'ExternalName') return;
    const selected = workloadsSelectedBy(svc, ctx.mesh);
    const ns = svc.namespace;
    const sel = formatLabels(selector);
    if (selected.length) {
      // Matching controllers that all ask for zero pods still leave the Service without endpoints.
      if (!selected.every(scaledToZero)) return;
      ctx.report({
        message: `selector ${sel} matches only ${listOf(selected.map((w) => refOf(w.manifest, manifest)))}, scaled to replicas: 0, so callers get 503 (no healthy upstream): scale it up or point the selector at a running workload`,
        path: ['spec', 'selector'],
        target: 'key',
      });
      return;
    }
    const inNs = ctx.mesh.workloads.filter((w) => w.namespace === ns);
    const miss = explainMiss(selector, inNs.map((w) => w.podLabels))!;
    const elsewhere = ctx.mesh.workloads.filter((w) => w.namespace !== ns && selectorMatches(selector, w.podLabels));
    // Partial input: the namespace's workloads may live elsewhere, so only a match in another namespace says anything.
    if (!inNs.length && !elsewhere.length) return;
    let why: string;
    if (elsewhere.length) why = `it matches ${listOf(elsewhere.map((w) => refOf(w.manifest, manifest)))}, but a Service selects pods in its own namespace (${ns}) only`;
    else if (miss.reason === 'value') why = `no workload in namespace ${ns} has ${miss.key}=${selector[miss.key]} (values there: ${listOf(miss.values.map((v) => quote(v)), 5)})`;
    else if (miss.reason === 'key') why = `no workload in namespace ${ns} has a label ${quote(miss.key)}`;
    else why = `no workload in namespace ${ns} has all of ${sel} at once`;
    ctx.report({
      message: `selector ${sel} matches no workload, so callers of ${svc.name}.${ns} get 503 (no healthy upstream): ${why}; fix the selector or the pod template labels`,
      path: ['spec', 'selector', miss.key],
      target: miss.reason === 'value' ? 'value' : 'key',
    });
  },
});
