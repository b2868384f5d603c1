import { hostProblems } from '../src/checks/egress-hosts.js';
import { defineRule } from '../src/rule.js';

// E1: the namespace part is taken literally; a namespace that does not exist matches nothing, without any error.
export default defineRule({
  meta: {
    id: 'egress-namespace-unknown',
    description: 'An egress host names a namespace that nothing in the input declares or uses',
    rationale:
      'Istio takes the namespace before the slash literally: a misspelt or non-existent namespace is not an error, the host simply imports nothing, so calls meant for it are blackholed (REGISTRY_ONLY) or passed through (ALLOW_ANY). A common slip is writing a Service name where the namespace belongs (`reviews/*` for the Service reviews). Namespaces every cluster has (`default`, `kube-system`, `istio-system`, the mesh root namespace) are never reported. When the input declares no Namespace at all, it is clearly a partial view and the finding is only informational.',
    remediation: 'Fix the namespace part (`namespace/dnsName`), or suppress the finding if the namespace exists in the cluster but not in these manifests.',
    severity: 'warning',
    precision: 'medium',
    kinds: ['Sidecar'],
    example:
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: payments\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: shop\nspec:\n  egress:\n    - hosts: ["./*", "payment/*"]\n',
  },
  check(manifest, ctx) {
    const sidecar = ctx.sidecarOf(manifest);
    if (!sidecar) return;
    const declaresNamespaces = [...ctx.mesh.namespaces.values()].some((n) => n.manifest);
    for (const { host: h, problem: p } of hostProblems(ctx.mesh, sidecar, 'namespace-unknown')) {
      const ignore = 'if it exists in the cluster, ignore this with "# istio-lint-disable-line egress-namespace-unknown"';
      const fix = p.typo ? p.hint! : p.hint ? `${p.hint}; ${ignore}` : ignore;
      ctx.report({
        message: `namespace "${p.parsed.namespace}" of "${h.raw}" is neither declared nor used in the input, so this host may import nothing; ${fix}`,
        path: h.path,
        // A near spelling stays a warning; an input that declares no namespace at all proves little.
        ...(p.typo || declaresNamespaces ? {} : { severity: 'info' as const }),
      });
    }
  },
});
