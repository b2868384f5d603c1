import { isAmbientWorkload } from '../src/model/ambient.js';
import { listOf } from '../src/model/describe.js';
import { injectionOf } from '../src/model/injection.js';
import { selectedBy, type SelectionTarget } from '../src/model/selection.js';
import { selectorSidecarsFor } from '../src/model/sidecar-scope.js';
import type { Sidecar } from '../src/model/types.js';
import { defineRule } from '../src/rule.js';

const hasLabels = (s: Sidecar): boolean => s.selector !== undefined && Object.keys(s.selector).length > 0;

export default defineRule({
  meta: {
    id: 'selector-conflict',
    description: 'Several Sidecars with a workloadSelector select the same workload',
    rationale:
      'Istio documents two Sidecars selecting one pod as undefined behaviour. In practice istiod applies only the oldest one (by creationTimestamp, then name) and silently ignores the others for that pod, so part of the configuration never takes effect, and which part can change when a Sidecar is re-created.',
    remediation: 'Narrow the selectors so that every workload is selected by exactly one Sidecar, or merge the Sidecars.',
    severity: 'error',
    // Istio applies one of the conflicting Sidecars (the oldest); the other's restrictions silently do nothing.
    securitySeverity: 5.0,
    kinds: ['Sidecar'],
    peers: ['IST0110', 'KIA0003'],
    example:
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ratings\n  namespace: bar\nspec:\n  selector:\n    matchLabels:\n      app: ratings\n  template:\n    metadata:\n      labels:\n        app: ratings\n        version: v1\n    spec:\n      containers:\n        - name: app\n          image: ratings\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: by-app\n  namespace: bar\nspec:\n  workloadSelector:\n    labels:\n      app: ratings\n  egress:\n    - hosts: ["./*"]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: by-version\n  namespace: bar\nspec:\n  workloadSelector:\n    labels:\n      version: v1\n  egress:\n    - hosts: ["./*", "istio-system/*"]\n',
  },
  check(manifest, ctx) {
    const sidecar = ctx.sidecarOf(manifest);
    if (!sidecar || !hasLabels(sidecar)) return;
    const conflicts: { w: SelectionTarget; others: Sidecar[]; winner: Sidecar }[] = [];
    for (const w of selectedBy(ctx.mesh, sidecar.selector!, sidecar.namespace)) {
      // Sidecars only configure injected proxies (a VM always runs one); ambient pods get IST0167 in istioctl instead.
      if (w.workload && (!injectionOf(w.workload, ctx.mesh).meshed || isAmbientWorkload(w.workload, ctx.mesh))) continue;
      const all = selectorSidecarsFor(w.namespace, w.labels, ctx.mesh);
      // The same namespace/name twice is one object in a cluster, not a conflict.
      // A workloadSelector without labels competes too: istiod ranks it with the selector Sidecars (B1, B2).
      const others = all.filter((s) => s !== sidecar && s.id !== sidecar.id && s.selector !== undefined);
      if (others.length) conflicts.push({ w, others, winner: all[0]! });
    }
    const first = conflicts[0];
    if (!first) return;
    const outcome =
      first.winner === sidecar
        ? 'Istio applies only the oldest Sidecar (by creationTimestamp, then name), which is this one, and ignores the others for that workload'
        : `Istio applies only the oldest Sidecar (by creationTimestamp, then name), ${first.winner.id}${hasLabels(first.winner) ? '' : ' (its workloadSelector has no labels, so it selects every pod)'}, so this one is ignored for that workload`;
    const more = conflicts.length > 1 ? ` (and ${conflicts.length - 1} more workload${conflicts.length > 2 ? 's' : ''})` : '';
    ctx.report({
      message: `selects ${first.w.kind} ${first.w.id}${more}, which ${listOf(first.others.map((s) => ctx.ref(s.manifest)))} also select${first.others.length === 1 ? 's' : ''}; ${outcome}: narrow the selectors so that each workload has one Sidecar`,
      path: ['spec', 'workloadSelector'],
      target: 'key',
    });
  },
});
