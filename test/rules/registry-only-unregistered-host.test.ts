import rule from '../../rules/registry-only-unregistered-host.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { seedFiles } from '../helpers/seed-files.js';

const dir = 'fixtures/rules/registry-only-unregistered-host';

ruleTester(rule, {
  valid: [
    { name: 'registered hosts, cluster names, namespace-wide hosts, ALLOW_ANY', fixture: `${dir}/valid/registered.yaml` },
    { name: 'the seed has no error-level finding of this rule', files: seedFiles() },
    {
      name: 'a VirtualService host counts as registered',
      yaml: 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs, namespace: shop}\nspec:\n  hosts: [api.example.com]\n  http: [{route: [{destination: {host: api.shop.svc.cluster.local}}]}]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: default, namespace: shop}\nspec:\n  egress:\n    - hosts: ["./api.example.com"]\n  outboundTrafficPolicy: {mode: REGISTRY_ONLY}\n',
    },
    {
      name: 'a Sidecar ALLOW_ANY overrides a REGISTRY_ONLY mesh',
      mesh: { outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } },
      yaml: 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: default, namespace: shop}\nspec:\n  egress:\n    - hosts: ["./api.example.com"]\n  outboundTrafficPolicy: {mode: ALLOW_ANY}\n',
    },
  ],
  invalid: [
    {
      name: 'no ServiceEntry, one in another namespace, a wildcard one, none for a wildcard host',
      fixture: `${dir}/invalid/no-service-entry.yaml`,
      errors: [
        {
          line: 26,
          column: 11,
          severity: 'error',
          message:
            '"./api.stripe.com" is outside the cluster domain and no ServiceEntry in the input imports it; under REGISTRY_ONLY (set on this Sidecar) calls to it are blocked (blackhole, or 502 for HTTP) → add a ServiceEntry for api.stripe.com in namespace shop',
        },
        { line: 27, column: 11, message: 'for HTTP): api.github.com is declared in namespace egress, not shop: write "egress/api.github.com"' },
        { line: 28, column: 11, message: '→ add a ServiceEntry for *.googleapis.com in any namespace' },
        { line: 29, column: 11, message: 'for HTTP): ServiceEntry egress/github declares *.githubusercontent.com, which a specific host does not import: write "*/*.githubusercontent.com"' },
      ],
    },
    {
      name: 'REGISTRY_ONLY from the mesh config; a ServiceEntry not exported to the Sidecar\'s namespace',
      mesh: { outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } },
      yaml: 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: se, namespace: egress}\nspec:\n  exportTo: ["."]\n  hosts: [api.example.com]\n  resolution: DNS\n  ports: [{number: 443, name: tls, protocol: TLS}]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: default, namespace: shop}\nspec:\n  egress:\n    - hosts: ["egress/api.example.com"]\n',
      errors: [
        {
          line: 15,
          column: 15,
          message: 'under REGISTRY_ONLY (mesh-wide, from test) calls to it are blocked (blackhole, or 502 for HTTP): ServiceEntry egress/se is exported to "." → add "shop" to its spec.exportTo',
        },
      ],
    },
  ],
});
