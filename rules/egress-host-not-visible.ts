import { appliesTo, hostProblems, serviceLabel } from '../src/checks/egress-hosts.js';
import { listOf } from '../src/model/describe.js';
import { defineRule } from '../src/rule.js';

// D4/D5: an egress listener only ever considers services exported to the proxy's namespace.
export default defineRule({
  meta: {
    id: 'egress-host-not-visible',
    description: 'An egress host names services that exist but are not exported to the namespace the Sidecar applies to',
    rationale:
      'Istio filters the registry by visibility before it matches egress hosts: a Service annotated `networking.istio.io/exportTo`, or a ServiceEntry with `spec.exportTo`, that does not include the client\'s namespace cannot be imported, whatever the Sidecar says. The host then imports nothing and calls are blackholed (REGISTRY_ONLY) or passed through (ALLOW_ANY).',
    remediation: 'Add the Sidecar\'s namespace (or `*`) to the exportTo of the service, or remove the host if the service is meant to stay private.',
    severity: 'warning',
    kinds: ['Sidecar'],
    example:
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\n  namespace: data\n  annotations:\n    networking.istio.io/exportTo: "."\nspec:\n  ports:\n    - name: tcp\n      port: 5432\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: app\nspec:\n  egress:\n    - hosts: ["data/db.data.svc.cluster.local"]\n',
  },
  check(manifest, ctx) {
    const sidecar = ctx.sidecarOf(manifest);
    if (!sidecar) return;
    for (const { host: h, problem: p } of hostProblems(ctx.mesh, sidecar, 'not-visible')) {
      const names = listOf(p.hidden.map(serviceLabel));
      ctx.report({ message: `"${h.raw}" matches ${names}, which ${p.hidden.length > 1 ? 'are' : 'is'} not exported to ${appliesTo(p.configNamespaces)}, so it imports nothing: ${p.hint}`, path: h.path });
    }
  },
});
