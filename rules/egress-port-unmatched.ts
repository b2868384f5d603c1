import { portsExposedBy, serviceLabel } from '../src/checks/egress-hosts.js';
import { portFilter, sidecarListenerImports } from '../src/model/egress.js';
import { defineRule } from '../src/rule.js';

// F1/F2: a listener with a port keeps only host-matched services that have a port with exactly that number.
export default defineRule({
  meta: {
    id: 'egress-port-unmatched',
    description: "An egress listener's port is exposed by none of the services its hosts import",
    rationale:
      'When an egress listener has a port, Istio keeps a host-matched service only if the service has a port with that exact number, and trims it to that port. If none of them has it, the listener imports nothing: Envoy gets no listener, route or cluster from it, and calls meant for those services are blackholed (REGISTRY_ONLY) or passed through (ALLOW_ANY). The egress port is the port clients call (the Service `port`), not the container\'s `targetPort`.',
    remediation: 'Change the listener\'s port to a port the services expose (their Service `port`, not `targetPort`), or add the port to the Service.',
    severity: 'warning',
    precision: 'medium',
    kinds: ['Sidecar'],
    example:
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: helloworld\n  namespace: foo\nspec:\n  ports:\n    - name: http\n      port: 80\n      targetPort: 8080\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: default\nspec:\n  egress:\n    - port:\n        number: 8080\n        protocol: HTTP\n        name: http\n      hosts: ["foo/*"]\n',
  },
  check(manifest, ctx) {
    const sidecar = ctx.sidecarOf(manifest);
    if (!sidecar) return;
    for (const l of sidecar.egress) {
      const port = portFilter(l);
      if (port === undefined || !l.port) continue;
      // Not destructured: `matched` is worked out only when nothing was imported.
      const imports = sidecarListenerImports(ctx.mesh, sidecar, l);
      // Hosts that match nothing at all are the host rules' business.
      if (imports.imported.length || !imports.matched.length) continue;
      const matched = imports.matched;
      const common = [...new Set(matched[0]!.service.ports.map((p) => p.port))].filter((n) => matched.every((i) => i.service.ports.some((p) => p.port === n)));
      const change = common.length === 1 ? `change the port to ${common[0]}` : common.length ? `change the port to one of ${common.join(', ')}` : 'change the port to one they expose';
      const only = matched.length === 1 ? matched[0]!.service : undefined;
      const add = only ? `, or add ${port} to ${only.source} ${only.source === 'Service' ? serviceLabel(only) : `${only.namespace}/${only.name}`}` : '';
      ctx.report({
        message: `port ${port} is exposed by none of the services this listener imports, so it imports nothing (${portsExposedBy(matched.map((i) => i.service))} → ${change}${add})`,
        path: [...l.port.path, 'number'],
      });
    }
  },
});
