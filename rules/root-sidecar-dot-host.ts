import { serviceLabel } from '../src/checks/egress-hosts.js';
import { listOf } from '../src/model/describe.js';
import { configNamespacesOf, isMeshDefault, servicesNamedBy } from '../src/model/egress.js';
import { parseHost } from '../src/model/hosts.js';
import { defineRule } from '../src/rule.js';

// B2/E1: the root namespace's selector-less Sidecar is converted per proxy, with "." as the proxy's own namespace.
export default defineRule({
  meta: {
    id: 'root-sidecar-dot-host',
    description: 'In the mesh-wide default Sidecar, a specific `./host` only imports that host for workloads of the namespace that declares it',
    rationale:
      'The selector-less Sidecar in the root namespace (`istio-system` by default) is the default for every namespace without its own, and Istio resolves its `.` to each workload\'s own namespace, not to the root namespace. `./*` therefore means "my own namespace" everywhere, as intended, but a specific host such as `./ledger.bank.svc.cluster.local` imports the Service only for workloads that live in `bank`; every other namespace gets nothing for it, and calls from there are blackholed (REGISTRY_ONLY) or passed through (ALLOW_ANY).',
    remediation: 'Write the namespace that declares the host (`bank/ledger.bank.svc.cluster.local`), or `*/` to import it from any namespace.',
    severity: 'warning',
    kinds: ['Sidecar'],
    example:
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: ledger\n  namespace: bank\nspec:\n  ports:\n    - name: http\n      port: 8080\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  ports:\n    - name: http\n      port: 80\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: istio-system\nspec:\n  egress:\n    - hosts: ["./*", "./ledger.bank.svc.cluster.local"]\n',
  },
  check(manifest, ctx) {
    const sidecar = ctx.sidecarOf(manifest);
    if (!sidecar || !isMeshDefault(ctx.mesh, sidecar)) return;
    // The namespaces whose workloads use this default; every namespace it covers when the input has no workloads.
    const covered = configNamespacesOf(ctx.mesh, sidecar);
    const withPods = covered.filter((ns) => ctx.mesh.workloads.some((w) => w.namespace === ns));
    const namespaces = withPods.length ? withPods : covered;
    for (const l of sidecar.egress) {
      for (const h of l.hosts) {
        // Wildcards such as "./*" or "./*.svc.cluster.local" mean "my own namespace's services", as intended.
        if (h.namespace !== '.' || !h.dnsName || h.dnsName.includes('*')) continue;
        const anywhere = servicesNamedBy(ctx.mesh, parseHost(h.raw, '*')!);
        const homes = [...new Set(anywhere.map((s) => s.namespace))];
        const missing = namespaces.filter((ns) => !homes.includes(ns));
        if (!homes.length || !missing.length) continue;
        const fix = homes.length === 1 ? `"${homes[0]}/${h.dnsName}"` : `"*/${h.dnsName}"`;
        ctx.report({
          message: `"." in the mesh-wide default Sidecar is each workload's own namespace, so "${h.raw}" imports ${listOf(anywhere.map(serviceLabel))} only for workloads in ${listOf(homes)}, not in ${listOf(missing)} → write ${fix} to import it everywhere`,
          path: h.path,
        });
      }
    }
  },
});
