import { serviceLabel } from '../src/checks/egress-hosts.js';
import { listOf } from '../src/model/describe.js';
import { effectiveOutboundMode, getsHttpRoute, listenerProtocol, portFilter, sidecarListenerImports } from '../src/model/egress.js';
import { family } from '../src/model/protocol.js';
import { defineRule } from '../src/rule.js';

// H5/I2: the listener type comes from the egress port's protocol, the route from the service port's protocol.
export default defineRule({
  meta: {
    id: 'egress-protocol-mismatch',
    description: 'An HTTP-family egress listener imports service ports whose protocol is TCP, TLS or another non-HTTP protocol',
    rationale:
      'Istio builds the Envoy listener from the egress port\'s protocol, but gives a service an HTTP route only if its own port is HTTP-family or unnamed (auto-detected). An HTTP egress listener over a TCP, TLS or HTTPS service port therefore has no route to it: plaintext HTTP calls get 502 from the `block_all` route (REGISTRY_ONLY) or pass through (ALLOW_ANY), and TLS or raw TCP calls fall to the listener\'s default chain, which blackholes or passes them through. The reverse (a TCP listener over an HTTP port) is plain TCP proxying and works.',
    remediation: 'Set the egress port\'s protocol to the service port\'s protocol (TLS, TCP, …), or omit it so that Envoy detects the protocol per connection.',
    severity: 'warning',
    kinds: ['Sidecar'],
    example:
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  namespace: foo\nspec:\n  ports:\n    - name: https\n      port: 443\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: default\nspec:\n  egress:\n    - port:\n        number: 443\n        protocol: HTTP\n        name: web\n      hosts: ["foo/*"]\n',
  },
  check(manifest, ctx) {
    const sidecar = ctx.sidecarOf(manifest);
    if (!sidecar) return;
    const allowAny = effectiveOutboundMode(ctx.mesh, sidecar) === 'ALLOW_ANY';
    for (const l of sidecar.egress) {
      const port = portFilter(l);
      const proto = listenerProtocol(l);
      if (port === undefined || !l.port || !proto || family(proto) !== 'http') continue;
      const bad = sidecarListenerImports(ctx.mesh, sidecar, l).imported.flatMap((i) =>
        i.ports.filter((p) => !getsHttpRoute(p) && p.protocol !== 'UDP').map((p) => ({ label: `${serviceLabel(i.service)} (${p.protocol})`, protocol: p.protocol })),
      );
      if (!bad.length) continue;
      const protocols = [...new Set(bad.map((b) => b.protocol))];
      const set = protocols.length === 1 ? `set protocol: ${protocols[0]} to match, or omit it` : 'omit protocol';
      const them = bad.length > 1 ? 'them' : 'it';
      const outcome = allowAny
        ? `HTTP calls to ${them} pass through without mesh routing, and TLS or TCP calls leave the mesh as passthrough`
        : `HTTP calls to ${them} get 502 (block_all) and TLS or TCP calls are blackholed`;
      ctx.report({
        message: `protocol ${l.port.protocol} makes port ${port} an HTTP listener, but it imports ${listOf(bad.map((b) => b.label))} on that port, which Envoy gives no HTTP route: ${outcome} → ${set} to let Envoy detect the protocol`,
        path: [...l.port.path, 'protocol'],
      });
    }
  },
});
