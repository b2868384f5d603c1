import { noMatchClause } from '../src/checks/selector-miss.js';
import { listOf } from '../src/model/describe.js';
import { formatLabels } from '../src/model/labels.js';
import { selectorOutcome } from '../src/model/selection.js';
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'selector-no-match',
    description: 'A Sidecar workloadSelector matches no workload in its namespace',
    rationale:
      'A Sidecar with a `workloadSelector` applies only to pods in its own namespace whose labels include every selector label. If no workload matches, the Sidecar does nothing and the pods it was meant for keep the namespace-wide or mesh default scope. Workloads are read from the pod templates of Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs and Pods in the input, and from WorkloadEntries and WorkloadGroups (VMs, whose proxies Sidecars configure too). Input is often partial, so the rule only speaks when it can see the namespace\'s workloads, or a matching workload in another namespace.',
    remediation: 'Fix the selector labels (or the pod template labels) so that they match, or move the Sidecar into the namespace of the pods it should select.',
    severity: 'warning',
    precision: 'medium',
    // The Sidecar restricts nothing: it selects no workload.
    securitySeverity: 4.0,
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
    const ns = sidecar.namespace;
    // Pods and VMs (WorkloadEntry, WorkloadGroup) alike: a Sidecar selects proxies by their labels.
    const { namespaceShown, elsewhere, miss } = selectorOutcome(ctx.mesh, selector, ns);
    if (!miss) return;
    const sel = formatLabels(selector);
    let message: string;
    if (elsewhere.length) {
      const namespaces = [...new Set(elsewhere.map((w) => w.namespace))];
      message = `workloadSelector ${sel} matches no workload in namespace ${ns}, only ${listOf(elsewhere.map((w) => ctx.ref(w.manifest)))} in namespace ${listOf(namespaces)}; a Sidecar selects pods of its own namespace only: move it to namespace ${namespaces[0]}`;
    } else if (!namespaceShown) {
      // Partial input: the namespace's workloads may live in another repository, so there is nothing to judge by.
      return;
    } else if (miss.reason === 'value') {
      message = `${noMatchClause(miss, selector, ns)}: fix the selector value or the pod template labels`;
    } else if (miss.reason === 'key') {
      message = `${noMatchClause(miss, selector, ns)} (selector ${sel}): fix the selector key or add the label to the pod template`;
    } else {
      message = `${noMatchClause(miss, selector, ns)}, though each label is on some workload: remove the label that does not belong`;
    }
    ctx.report({ message, path: ['spec', 'workloadSelector', 'labels', miss.key], target: miss.reason === 'value' ? 'value' : 'key' });
  },
});
