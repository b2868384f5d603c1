import { portsExposedBy } from '../src/checks/egress-hosts.js';
import { configNamespacesOf, portFilter, sidecarListenerImports } from '../src/model/egress.js';
import { dnsMatches, parseHost, type ParsedHost } from '../src/model/hosts.js';
import { defineRule } from '../src/rule.js';
import type { Service } from '../src/model/types.js';

// F2: the port filter applies per service, so one host of a listener can lose all its services while others keep theirs.
export default defineRule({
  meta: {
    id: 'egress-host-port-filtered',
    description: "An egress host only matches services that lack the listener's port, so it adds nothing to that listener",
    rationale:
      'A listener with a port imports, through each host, only the services that have a port with that number. When every service a host matches lacks it, the host contributes nothing to the listener even though it looks meaningful, and calls to those services on their own ports are blackholed (REGISTRY_ONLY) or passed through (ALLOW_ANY) unless another listener imports them. When no host of the listener keeps a service, `egress-port-unmatched` reports the port instead.',
    remediation: 'Move the host to a listener on a port its services expose (or to the port-less catch-all listener), or remove it.',
    severity: 'warning',
    precision: 'medium',
    kinds: ['Sidecar'],
    example:
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  ports:\n    - name: http\n      port: 80\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: db\n  namespace: data\nspec:\n  ports:\n    - name: tcp-postgres\n      port: 5432\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: shop\nspec:\n  egress:\n    - port:\n        number: 80\n        protocol: HTTP\n        name: http\n      hosts: ["./*", "data/*"]\n',
  },
  check(manifest, ctx) {
    const sidecar = ctx.sidecarOf(manifest);
    if (!sidecar) return;
    const configNamespaces = configNamespacesOf(ctx.mesh, sidecar);
    for (const l of sidecar.egress) {
      const port = portFilter(l);
      if (port === undefined) continue;
      // Not destructured: `matched` is worked out only for the hosts that need it.
      const imports = sidecarListenerImports(ctx.mesh, sidecar, l);
      if (!imports.imported.length) continue;
      for (const h of l.hosts) {
        // The host as read in each config namespace, once rather than once per service.
        const readings = configNamespaces.map((c) => parseHost(h.raw, c)).filter((p): p is ParsedHost => !!p && !p.exclude);
        if (!readings.length) continue;
        const names = (s: Service): boolean => readings.some((p) => (p.namespace === '*' || p.namespace === s.namespace) && dnsMatches(p.dnsName, s.hostname));
        // The imported services are the matched ones with the port: the host keeps one of those, or none at all.
        if (imports.imported.some((i) => names(i.service))) continue;
        const mine = imports.matched.filter((i) => names(i.service)).map((i) => i.service);
        if (!mine.length) continue;
        ctx.report({
          message: `"${h.raw}" only matches services without port ${port}, the port of this listener, so it adds nothing here (${portsExposedBy(mine)}) → move it to a listener on a port they expose, or remove it`,
          path: h.path,
        });
      }
    }
  },
});
