import { asObject, asString } from '../src/json.js';
import { dnsNameFault } from '../src/checks/address-syntax.js';
import { quote } from '../src/model/describe.js';
import { defineRule } from '../src/rule.js';

/** What ValidateFQDN finds wrong with the proxy host, or undefined. */
function fqdnProblem(host: string): string | undefined {
  if (!host) return 'the host is empty';
  const fault = dnsNameFault(host);
  if (fault?.kind === 'too-long') return 'the host is longer than 255 characters';
  if (fault?.kind === 'numeric') return `${quote(host)} is not a DNS name (an IP address is not allowed)`;
  return fault ? `label ${quote(fault.label)} of ${quote(host)} is not a DNS label` : undefined;
}

export default defineRule({
  meta: {
    id: 'egress-proxy-invalid',
    description: 'outboundTrafficPolicy.egressProxy is set without mode ALLOW_ANY, without a port, or with a host that is not an FQDN',
    rationale:
      'egressProxy replaces the passthrough destination of ALLOW_ANY, so Istio accepts it only with `mode: ALLOW_ANY`, a DNS host and a port (validateSidecarOutboundTrafficPolicy); any other combination rejects the Sidecar.',
    remediation: 'Set `mode: ALLOW_ANY` and give egressProxy a DNS `host` and a `port.number`, or remove egressProxy.',
    severity: 'error',
    kinds: ['Sidecar'],
    peers: ['IST0106'],
    example:
      'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: bar\nspec:\n  outboundTrafficPolicy:\n    mode: REGISTRY_ONLY\n    egressProxy:\n      host: proxy.example.com\n      port:\n        number: 3128\n',
  },
  check(manifest, ctx) {
    const policy = asObject(asObject(manifest.value.spec)?.outboundTrafficPolicy);
    const proxy = policy?.egressProxy;
    if (!policy || proxy === undefined || proxy === null) return;
    const base = ['spec', 'outboundTrafficPolicy'];
    const mode = asString(policy.mode);
    if (mode !== 'ALLOW_ANY') {
      ctx.report({
        message: `egressProxy only works with mode ALLOW_ANY, but the mode is ${mode ? quote(mode) : 'unset (REGISTRY_ONLY)'}: set mode: ALLOW_ANY or remove egressProxy`,
        path: mode ? [...base, 'mode'] : [...base, 'egressProxy'],
        ...(mode ? {} : { target: 'key' as const }),
      });
      return; // Istio stops here too
    }
    const o = asObject(proxy);
    if (!o) return;
    // A missing host is the schema's finding (destination requires it).
    const host = asString(o.host);
    const problem = host === undefined ? undefined : fqdnProblem(host);
    if (problem) ctx.report({ message: `egressProxy host: ${problem}; write the proxy's DNS name, e.g. "squid.egress.svc.cluster.local"`, path: [...base, 'egressProxy', 'host'] });
    if (o.port === undefined || o.port === null) {
      ctx.report({ message: 'egressProxy has no port: add port.number with the proxy\'s port', path: [...base, 'egressProxy'], target: 'key' });
    }
  },
});
