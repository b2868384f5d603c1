import { hostProblems } from '../src/checks/egress-hosts.js';
import { defineRule } from '../src/rule.js';

// E2/E3: a host that names nothing imports nothing. Only claimed where the input lists the services it could match.
export default defineRule({
  meta: {
    id: 'egress-host-unmatched',
    description: 'A specific or wildcard egress host matches no Service, ServiceEntry or VirtualService in the input',
    rationale:
      'Istio matches each `namespace/dnsName` host against the registry by exact name or `*.` suffix, scoped to the namespace written before the slash. A host that matches nothing imports nothing, silently: the proxy gets no listener, cluster or route for it, so calls to the intended service are blackholed (REGISTRY_ONLY) or leave the mesh as passthrough (ALLOW_ANY). Typical causes are a wrong namespace part, a Kubernetes short name such as `name.ns`, or a misspelt hostname. The input is a partial view of the cluster, so the rule only reports hosts in namespaces for which the input declares Services or ServiceEntries, or when it can name the likely intended host.',
    remediation: 'Write the full hostname (`name.namespace.svc.cluster.local`) under the namespace that declares it, or `*/` to import it from any namespace; if the service is defined outside these manifests, suppress the finding.',
    severity: 'warning',
    precision: 'medium',
    kinds: ['Sidecar'],
    peers: ['KIA1004'],
    example:
      'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: shop\nspec:\n  egress:\n    - hosts:\n        - "shop/cart.shop.svc.cluster.local"   # no Service cart in shop\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: carts\n  namespace: shop\nspec:\n  ports:\n    - name: http\n      port: 80\n',
  },
  check(manifest, ctx) {
    const sidecar = ctx.sidecarOf(manifest);
    if (!sidecar) return;
    for (const { host: h, problem: p } of hostProblems(ctx.mesh, sidecar, 'unmatched')) {
      const fix = p.hint ?? 'if it is defined outside these manifests, ignore this with "# istio-lint-disable-line egress-host-unmatched"';
      ctx.report({ message: `no Service, ServiceEntry or VirtualService in the input matches "${h.raw}", so it imports nothing; ${fix}`, path: h.path });
    }
  },
});
