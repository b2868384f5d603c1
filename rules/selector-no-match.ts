import { formatLabels, selectorMatches } from '../src/model/labels.js';
import { listOf, quote, refOf } from '../src/model/describe.js';
import { explainMiss } from '../src/model/selector-miss.js';
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'selector-no-match',
    description: 'A Sidecar workloadSelector matches no workload in its namespace',
    rationale:
      'A Sidecar with a `workloadSelector` applies only to pods in its own namespace whose labels include every selector label. If no workload matches, the Sidecar does nothing and the pods it was meant for keep the namespace-wide or mesh default scope. Workloads are read from the pod templates of Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs and Pods in the input. Input is often partial, so the rule only speaks when it can see the namespace\'s workloads, or a matching workload in another namespace.',
    remediation: 'Fix the selector labels (or the pod template labels) so that they match, or move the Sidecar into the namespace of the pods it should select.',
    severity: 'warning',
    kinds: ['Sidecar'],
    peers: ['IST0101', 'KIA0004'],
    example:
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: reviews\n  namespace: bar\nspec:\n  selector:\n    matchLabels:\n      app: reviews\n  template:\n    metadata:\n      labels:\n        app: reviews\n    spec:\n      containers:\n        - name: app\n          image: reviews\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: reviews\n  namespace: bar\nspec:\n  workloadSelector:\n    labels:\n      app: review\n  egress:\n    - hosts: ["./*"]\n',
  },
  check(manifest, ctx) {
    const sidecar = ctx.sidecarOf(manifest);
    const selector = sidecar?.selector;
    // No selector, or an empty one (selector-empty-labels), covers the namespace; no workloads in the input: nothing to judge.
    if (!sidecar || !selector || !Object.keys(selector).length) return;
    const inNs = ctx.mesh.workloads.filter((w) => w.namespace === sidecar.namespace);
    if (inNs.some((w) => selectorMatches(selector, w.podLabels))) return;
    const miss = explainMiss(selector, inNs.map((w) => w.podLabels))!;
    const sel = formatLabels(selector);
    const elsewhere = ctx.mesh.workloads.filter((w) => w.namespace !== sidecar.namespace && selectorMatches(selector, w.podLabels));
    const ns = sidecar.namespace;
    let message: string;
    if (elsewhere.length) {
      const namespaces = [...new Set(elsewhere.map((w) => w.namespace))];
      message = `workloadSelector ${sel} matches no workload in namespace ${ns}, only ${listOf(elsewhere.map((w) => refOf(w.manifest, manifest)))} in namespace ${listOf(namespaces)}; a Sidecar selects pods of its own namespace only: move it to namespace ${namespaces[0]}`;
    } else if (!inNs.length) {
      // Partial input: the namespace's workloads may live in another repository, so there is nothing to judge by.
      return;
    } else if (miss.reason === 'value') {
      message = `no workload in namespace ${ns} has ${miss.key}=${selector[miss.key]} (values there: ${listOf(miss.values.map((v) => quote(v)), 5)}): fix the selector value or the pod template labels`;
    } else if (miss.reason === 'key') {
      message = `no workload in namespace ${ns} has a label ${quote(miss.key)} (selector ${sel}): fix the selector key or add the label to the pod template`;
    } else {
      message = `no workload in namespace ${ns} has all of ${sel} at once, though each label is on some workload: remove the label that does not belong`;
    }
    ctx.report({ message, path: ['spec', 'workloadSelector', 'labels', miss.key], target: miss.reason === 'value' ? 'value' : 'key' });
  },
});
