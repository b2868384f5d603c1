import { serviceLabel } from '../src/checks/egress-hosts.js';
import { listOfFirst } from '../src/model/describe.js';
import { effectiveOutboundMode, importedPortsOf, outboundModeOrigin, portFilter, sidecarListenerImports } from '../src/model/egress.js';
import { defineRule } from '../src/rule.js';
import type { Service } from '../src/model/types.js';

const SHOWN = 3;

// F2/F3: a listener with a port imports each service trimmed to that port; CDS is the union over listeners,
// so a service port no listener imports has no cluster and no listener (the seed's helloworld.foo:8080).
export default defineRule({
  meta: {
    id: 'egress-port-trims-service',
    description: 'An egress listener with a port imports a service that has other ports, and no listener imports those',
    rationale:
      'An egress listener with a port imports each matched service trimmed to that single port. Other ports of the same service exist in Istio only if another egress listener imports them. Calls to a port no listener imports find no Envoy listener: under REGISTRY_ONLY they are blackholed (the connection is reset), under ALLOW_ANY they leave as plaintext passthrough, without mesh routing, mTLS or telemetry. This is easy to miss because the Service visibly has the port.',
    remediation: 'Add an egress listener for the other ports (or a port-less catch-all listener with the same hosts), or accept the restriction and suppress the finding.',
    severity: 'warning',
    kinds: ['Sidecar'],
    example:
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: helloworld\n  namespace: foo\nspec:\n  ports:\n    - name: http-a\n      port: 8080\n    - name: http-b\n      port: 80\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: default\nspec:\n  egress:\n    - port:\n        number: 80\n        protocol: HTTP\n        name: http\n      hosts: ["foo/*"]\n  outboundTrafficPolicy:\n    mode: REGISTRY_ONLY\n',
  },
  check(manifest, ctx) {
    const sidecar = ctx.sidecarOf(manifest);
    if (!sidecar) return;
    const perListener = sidecar.egress.map((l) => ({ l, imported: sidecarListenerImports(ctx.mesh, sidecar, l).imported }));
    const kept = importedPortsOf(ctx.mesh, sidecar);
    const reported = new Set<Service>();
    const allowAny = effectiveOutboundMode(ctx.mesh, sidecar) === 'ALLOW_ANY';
    for (const { l, imported } of perListener) {
      const port = portFilter(l);
      if (port === undefined || !l.port) continue;
      // The message shows the first SHOWN items of each list and counts the rest (listOf): only those are built.
      const lost: string[] = [];
      let lostCount = 0;
      const services: string[] = [];
      let serviceCount = 0;
      for (const i of imported) {
        if (reported.has(i.service)) continue;
        const keptPorts = kept.get(i.service)!;
        // UDP ports never get clusters (F3), so trimming them changes nothing.
        const missing: number[] = [];
        for (const p of i.service.ports) if (p.protocol !== 'UDP' && !keptPorts.includes(p.port) && !missing.includes(p.port)) missing.push(p.port);
        if (!missing.length) continue;
        reported.add(i.service);
        if (serviceCount++ < SHOWN) services.push(serviceLabel(i.service));
        for (const n of missing) if (lostCount++ < SHOWN) lost.push(`${serviceLabel(i.service)}:${n}`);
      }
      if (!lostCount) continue;
      const mode = `${allowAny ? 'ALLOW_ANY' : 'REGISTRY_ONLY'} (${outboundModeOrigin(ctx.mesh, sidecar)})`;
      const outcome = allowAny ? `leave the mesh as passthrough under ${mode}, without mTLS or routing` : `are blackholed under ${mode}`;
      ctx.report({
        message: `this listener imports ${listOfFirst(services, serviceCount, SHOWN)} on port ${port} only, and no other listener imports ${listOfFirst(lost, lostCount, SHOWN)}: calls to ${lostCount > 1 ? 'those ports' : 'that port'} ${outcome} → add an egress listener for ${lostCount > 1 ? 'them' : 'it'}, or a port-less one with the same hosts`,
        path: [...l.port.path, 'number'],
        ...(allowAny ? { severity: 'info' as const } : {}),
      });
    }
  },
});
