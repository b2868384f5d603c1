import { isAmbientNamespace } from '../src/model/ambient.js';
import { listOf } from '../src/model/describe.js';
import { namespaceSidecarsOf } from '../src/model/sidecar-scope.js';
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'namespace-sidecar-conflict',
    description: 'A namespace has several Sidecars without a workloadSelector',
    rationale:
      'At most one Sidecar per namespace may omit `workloadSelector`; Istio calls more than one undefined behaviour. istiod uses the oldest (by creationTimestamp, then name) as the namespace default and ignores the others entirely, so their egress hosts and policies never apply. In the root namespace this makes the mesh-wide default ambiguous.',
    remediation: 'Merge the selector-less Sidecars of the namespace into one, or give all but one a `workloadSelector`.',
    severity: 'error',
    // Istio applies one of the conflicting Sidecars (the oldest); the others' restrictions silently do nothing.
    securitySeverity: 5.0,
    kinds: ['Sidecar'],
    peers: ['IST0111', 'KIA0002'],
    example:
      'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: bar\nspec:\n  egress:\n    - hosts: ["./*"]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: extra\n  namespace: bar\nspec:\n  egress:\n    - hosts: ["istio-system/*"]\n',
  },
  check(manifest, ctx) {
    const sidecar = ctx.sidecarOf(manifest);
    if (!sidecar || sidecar.selector !== undefined) return;
    // In an ambient namespace Sidecars do nothing (istioctl reports IST0167 instead).
    if (isAmbientNamespace(ctx.mesh.namespaces.get(sidecar.namespace)?.labels ?? {})) return;
    const all = namespaceSidecarsOf(sidecar.namespace, ctx.mesh);
    // The same namespace/name twice is one object in a cluster: name each other Sidecar once.
    const others = all.filter((s, i) => s.id !== sidecar.id && all.findIndex((x) => x.id === s.id) === i);
    if (!others.length) return;
    const winner = all[0]!;
    const outcome = winner === sidecar ? 'this one' : winner.id;
    ctx.report({
      message: `${listOf(others.map((s) => ctx.ref(s.manifest)))} also ha${others.length === 1 ? 's' : 've'} no workloadSelector in namespace ${sidecar.namespace}; Istio uses only the oldest (by creationTimestamp, then name), ${outcome}, and ignores the rest: merge them into one Sidecar or give the others a workloadSelector`,
      path: ['metadata', 'name'],
    });
  },
});
