import { defineRule } from '../src/rule.js';

// The model keeps only the last copy of an object (what `kubectl apply` leaves); this names the copies it dropped.
export default defineRule({
  meta: {
    id: 'duplicate-resource',
    description: 'The same object (API group, kind, namespace and name) is defined more than once in the input',
    rationale:
      '`kubectl apply` of a folder applies files in name order and documents in order; a second copy of an object updates the first, so the cluster holds the last copy and whatever an earlier copy says differently never takes effect. Reviewers read the first copy. istio-lint analyses the last copy only (istioctl analyze instead reports the pair as a conflict with itself, istio/istio#58188).',
    remediation: 'Delete the earlier copy, or merge what it says into the copy that is applied last.',
    severity: 'warning',
    example:
      'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: bar\nspec:\n  egress:\n    - hosts: ["./*"]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: bar\nspec:\n  egress:\n    - hosts: ["./*", "istio-system/*"]\n',
  },
  check(manifest, ctx) {
    const winner = ctx.mesh.superseded.get(manifest);
    if (!winner) return;
    const id = manifest.namespace ? `${manifest.namespace}/${manifest.name}` : manifest.name;
    // Copies under two versions of the API (v1beta1, v1) are still the same content: the server converts between them.
    const content = (v: object): string => JSON.stringify({ ...v, apiVersion: undefined });
    const same = content(manifest.value) === content(winner.value);
    ctx.report({
      message: same
        ? `${manifest.kind} "${id}" is defined again, identically, at ${ctx.where(winner)} → remove one of the copies`
        : `${manifest.kind} "${id}" is defined again at ${ctx.where(winner)}; kubectl apply keeps that later copy, so this one never takes effect → merge its differences into that copy and remove this one`,
      path: ['metadata', 'name'],
    });
  },
});
