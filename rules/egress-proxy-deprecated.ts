import { asObject } from '../src/json.js';
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'egress-proxy-deprecated',
    description: 'outboundTrafficPolicy.egressProxy is deprecated and should not be relied on',
    rationale:
      '`egressProxy` is hidden from the Istio API documentation and `istioctl analyze` reports it as deprecated (IST0002, "OutboundTrafficPolicy.EgressProxy ignored"), although Istio still sends traffic that matches no listener to it under ALLOW_ANY (it replaces PassthroughCluster). A hidden field can change or disappear without notice, so it is no dependable way to send or control egress traffic.',
    remediation: 'Remove `egressProxy` and send external traffic through an egress gateway (a ServiceEntry plus VirtualService routing to it).',
    severity: 'warning',
    // egressProxy is not relied on: traffic meant to leave through the egress proxy may go out directly.
    securitySeverity: 4.0,
    kinds: ['Sidecar'],
    peers: ['IST0002'],
    example:
      'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: bar\nspec:\n  outboundTrafficPolicy:\n    mode: ALLOW_ANY\n    egressProxy:\n      host: proxy.example.com\n      port:\n        number: 3128\n',
  },
  check(manifest, ctx) {
    const policy = asObject(asObject(manifest.value.spec)?.outboundTrafficPolicy);
    if (!policy || policy.egressProxy === undefined || policy.egressProxy === null) return;
    ctx.report({
      message: 'outboundTrafficPolicy.egressProxy is deprecated (istioctl analyze reports IST0002) and hidden from the API docs; Istio still sends unmatched ALLOW_ANY traffic to it today, but may stop: route external traffic through an egress gateway instead',
      path: ['spec', 'outboundTrafficPolicy', 'egressProxy'],
      target: 'key',
    });
  },
});
