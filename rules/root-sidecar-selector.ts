import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'root-sidecar-selector',
    description: 'A Sidecar in the root namespace has a workloadSelector, so it is not the mesh-wide default',
    rationale:
      'Only a Sidecar without `workloadSelector` in the root namespace (meshConfig.rootNamespace, `istio-system` by default) is the default for every namespace that has no Sidecar of its own. With a selector it is an ordinary Sidecar that configures only matching pods in the root namespace, and the rest of the mesh keeps the implicit `*/*` default (istio/istio#39989).',
    remediation: 'Remove `workloadSelector` to make it the mesh default, or move the Sidecar to the namespace of the pods it should select.',
    severity: 'warning',
    // A root-namespace Sidecar with a selector is no mesh-wide default: other namespaces stay unrestricted.
    securitySeverity: 4.0,
    kinds: ['Sidecar'],
    peers: ['KIA1006'],
    example:
      'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: istio-system\nspec:\n  workloadSelector:\n    labels:\n      app: ratings\n  egress:\n    - hosts: ["./*", "istio-system/*"]\n',
  },
  check(manifest, ctx) {
    const sidecar = ctx.sidecarOf(manifest);
    const root = ctx.mesh.settings.rootNamespace;
    if (!sidecar || sidecar.namespace !== root || sidecar.selector === undefined) return;
    ctx.report({
      message: `this Sidecar is in the root namespace ${root} but has a workloadSelector, so it is not the mesh-wide default and only configures matching pods in ${root}: remove workloadSelector to make it the default, or move it to the namespace of the pods it should select`,
      path: ['spec', 'workloadSelector'],
      target: 'key',
    });
  },
});
