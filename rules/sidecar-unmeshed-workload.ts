import { isAmbientWorkload } from '../src/model/ambient.js';
import { injectionOf } from '../src/model/injection.js';
import { vmsSelectedBy } from '../src/model/selection.js';
import { workloadsInScopeOf } from '../src/model/sidecar-scope.js';
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'sidecar-unmeshed-workload',
    description: 'Every workload the Sidecar selects runs without an Istio proxy, so the Sidecar has no effect',
    rationale:
      'A Sidecar resource configures the Envoy proxy injected into a pod. Pods that are not injected (injection disabled, opted out, `hostNetwork`, a system namespace) or that run in ambient mode have no such proxy (VMs registered as WorkloadEntries always have one), so their traffic never sees the Sidecar; its egress restrictions and policies only look as if they applied.',
    remediation: 'Enable injection for the selected workloads (label the namespace `istio-injection=enabled` or the pod template `sidecar.istio.io/inject: "true"`), or delete the Sidecar.',
    severity: 'warning',
    precision: 'medium',
    // The Sidecar restricts nothing: it selects only workloads without a proxy.
    securitySeverity: 4.0,
    kinds: ['Sidecar'],
    peers: ['IST0167'],
    example:
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: bar\n  labels:\n    istio-injection: disabled\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: reviews\n  namespace: bar\nspec:\n  selector:\n    matchLabels:\n      app: reviews\n  template:\n    metadata:\n      labels:\n        app: reviews\n    spec:\n      containers:\n        - name: app\n          image: reviews\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: reviews\n  namespace: bar\nspec:\n  workloadSelector:\n    labels:\n      app: reviews\n  egress:\n    - hosts: ["./*"]\n',
  },
  check(manifest, ctx) {
    const sidecar = ctx.sidecarOf(manifest);
    // The root namespace's selector-less Sidecar is the mesh default: it reaches far beyond its own namespace.
    if (!sidecar || (sidecar.selector === undefined && sidecar.namespace === ctx.mesh.settings.rootNamespace)) return;
    // A VM (WorkloadEntry, WorkloadGroup) runs its own proxy by definition: a Sidecar that reaches one has an effect.
    if (vmsSelectedBy(ctx.mesh, sidecar.selector ?? {}, sidecar.namespace).length) return;
    const scope = workloadsInScopeOf(sidecar, ctx.mesh);
    if (!scope.length) return;
    if (scope.some((w) => injectionOf(w, ctx.mesh).meshed && !isAmbientWorkload(w, ctx.mesh))) return;
    const first = { w: scope[0]!, ambient: isAmbientWorkload(scope[0]!, ctx.mesh), injection: injectionOf(scope[0]!, ctx.mesh) };
    const reason = first.ambient ? 'it runs in ambient mode' : first.injection.reason;
    const more = scope.length > 1 ? ` and ${scope.length - 1} more` : '';
    const which = sidecar.selector === undefined ? `every workload in namespace ${sidecar.namespace}` : 'every workload this Sidecar selects';
    ctx.report({
      message: `${which} runs without an Istio proxy (${first.w.kind} ${first.w.id}${more}: ${reason}), so this Sidecar has no effect: enable sidecar injection for them or delete the Sidecar`,
      path: sidecar.selector === undefined ? ['metadata', 'name'] : ['spec', 'workloadSelector'],
      ...(sidecar.selector === undefined ? {} : { target: 'key' as const }),
    });
  },
});
