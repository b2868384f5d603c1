import { listOf } from '../src/model/describe.js';
import { IGNORED_NAMESPACES, injectionOf } from '../src/model/injection.js';
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'namespace-not-injected',
    description: 'A declared namespace without injection labels holds workloads that therefore get no Istio proxy',
    rationale:
      'Sidecar injection is switched on per namespace (`istio-injection=enabled` or `istio.io/rev=<revision>`) or per pod (label `sidecar.istio.io/inject: "true"`). A namespace with neither label leaves its pods outside the mesh: no mTLS, no Sidecar egress rules, no telemetry. It is often an oversight rather than a decision.',
    remediation: 'Label the namespace `istio-injection=enabled` (or `istio.io/rev=<revision>`), or `istio-injection=disabled` to record that it stays out of the mesh.',
    severity: 'info',
    kinds: ['Namespace'],
    peers: ['IST0102'],
    example:
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: bar\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: reviews\n  namespace: bar\nspec:\n  selector:\n    matchLabels:\n      app: reviews\n  template:\n    metadata:\n      labels:\n        app: reviews\n    spec:\n      containers:\n        - name: app\n          image: reviews\n',
  },
  check(manifest, ctx) {
    const ns = ctx.mesh.namespaces.get(manifest.name);
    if (!ns || ns.manifest !== manifest) return;
    const l = ns.labels;
    if (l['istio-injection'] !== undefined || l['istio.io/rev'] !== undefined || l['istio.io/dataplane-mode'] === 'ambient') return;
    if (IGNORED_NAMESPACES.has(ns.name) || ns.name === ctx.mesh.settings.rootNamespace) return;
    const outside = ctx.mesh.workloads.filter((w) => w.namespace === ns.name && !w.hostNetwork && !injectionOf(w, ctx.mesh).meshed);
    if (!outside.length) return;
    ctx.report({
      message: `namespace ${ns.name} has no istio-injection or istio.io/rev label, so ${listOf(outside.map((w) => `${w.kind} ${w.name}`))} get${outside.length === 1 ? 's' : ''} no Istio proxy: label it istio-injection=enabled, or istio-injection=disabled to make the choice explicit`,
      path: ['metadata', 'name'],
    });
  },
});
