import { hostProblems } from '../src/checks/egress-hosts.js';
import { outboundModeOrigin } from '../src/model/egress.js';
import { defineRule } from '../src/rule.js';

// C1, E2, L3: under REGISTRY_ONLY only registry hosts get clusters; an external name needs a ServiceEntry.
export default defineRule({
  meta: {
    id: 'registry-only-unregistered-host',
    description: 'Under REGISTRY_ONLY, an egress host outside the cluster domain has no ServiceEntry that it imports',
    rationale:
      'Listing an external host in a Sidecar does not create it: Istio only imports services from its registry. With `outboundTrafficPolicy: REGISTRY_ONLY` (the Sidecar\'s own, or the mesh\'s), traffic to anything not imported ends in BlackHoleCluster (a reset) or the `block_all` route (HTTP 502). An external host therefore needs a ServiceEntry that is declared in the namespace named before the slash (or any namespace with `*/`) and exported to the client\'s namespace.',
    remediation: 'Add a ServiceEntry for the host (in the namespace the egress host names, exported to the Sidecar\'s namespace), or fix the namespace part to where the ServiceEntry lives.',
    severity: 'error',
    precision: 'medium',
    kinds: ['Sidecar'],
    example:
      'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: shop\nspec:\n  egress:\n    - hosts: ["./*", "./api.stripe.com"]\n  outboundTrafficPolicy:\n    mode: REGISTRY_ONLY\n',
  },
  check(manifest, ctx) {
    const sidecar = ctx.sidecarOf(manifest);
    if (!sidecar) return;
    for (const { host: h, problem: p } of hostProblems(ctx.mesh, sidecar, 'unregistered')) {
      const where = p.parsed.namespace === '*' ? 'any namespace' : `namespace ${p.parsed.namespace}`;
      const fix = p.hint ? `: ${p.hint}` : ` → add a ServiceEntry for ${p.parsed.dnsName} in ${where}`;
      const mode = `REGISTRY_ONLY (${outboundModeOrigin(ctx.mesh, sidecar)})`;
      ctx.report({
        message: `"${h.raw}" is outside the cluster domain and no ServiceEntry in the input imports it; under ${mode} calls to it are blocked (blackhole, or 502 for HTTP)${fix}`,
        path: h.path,
      });
    }
  },
});
