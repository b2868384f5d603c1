import { asObject } from '../src/json.js';
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'outbound-policy-empty-mode',
    description: 'outboundTrafficPolicy has no mode, which means REGISTRY_ONLY rather than the mesh default',
    rationale:
      'When a Sidecar has an `outboundTrafficPolicy` object, Istio uses it as written; an omitted `mode` is the enum zero value, REGISTRY_ONLY (istio-semantics C1). Readers usually expect the mesh default (ALLOW_ANY unless configured), so calls to hosts outside the registry are unexpectedly blackholed or answered with 502.',
    remediation: 'Write `mode: REGISTRY_ONLY` or `mode: ALLOW_ANY` explicitly, or remove `outboundTrafficPolicy` to inherit the mesh setting.',
    severity: 'warning',
    kinds: ['Sidecar'],
    peers: ['KIA1007'],
    example: 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: bar\nspec:\n  outboundTrafficPolicy: {}\n',
  },
  check(manifest, ctx) {
    const spec = asObject(manifest.value.spec);
    const policy = spec?.outboundTrafficPolicy;
    // null is an absent message in protobuf: the mesh mode applies, nothing is ambiguous.
    if (policy === undefined || policy === null) return;
    const o = asObject(policy);
    if (o && o.mode !== undefined && o.mode !== null) return;
    const mesh = ctx.mesh.settings.outboundMode;
    ctx.report({
      message: `outboundTrafficPolicy has no mode, so this Sidecar uses REGISTRY_ONLY${mesh === 'ALLOW_ANY' ? ', not the mesh\'s ALLOW_ANY' : ''}: write mode: REGISTRY_ONLY or mode: ALLOW_ANY, or remove outboundTrafficPolicy to inherit the mesh mode (${mesh})`,
      path: ['spec', 'outboundTrafficPolicy'],
      target: 'key',
    });
  },
});
