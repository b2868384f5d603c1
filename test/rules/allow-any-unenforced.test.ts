import rule from '../../rules/allow-any-unenforced.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { seedFiles } from '../helpers/seed-files.js';

const dir = 'fixtures/rules/allow-any-unenforced';
const nsWide = 'apiVersion: v1\nkind: Service\nmetadata: {name: a, namespace: bank}\nspec:\n  ports: [{name: http, port: 80}]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: default, namespace: shop}\nspec:\n  egress:\n    - hosts: ["./*", "istio-system/*"]\n';

ruleTester(rule, {
  valid: [
    { name: 'REGISTRY_ONLY, */*, no egress, an egressProxy, captureMode NONE', fixture: `${dir}/valid/enforced.yaml` },
    { name: 'the seed sets REGISTRY_ONLY on both Sidecars', files: seedFiles() },
    { name: 'REGISTRY_ONLY from the mesh config', mesh: { outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } }, yaml: nsWide },
    {
      name: 'namespace-wide scoping with nothing in the input left out',
      yaml: 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: default, namespace: shop}\nspec:\n  egress:\n    - hosts: ["./*", "istio-system/*"]\n',
    },
  ],
  invalid: [
    {
      name: 'an allow-list under the default policy warns; an explicit ALLOW_ANY is informational',
      fixture: `${dir}/invalid/allow-list.yaml`,
      errors: [
        {
          line: 31,
          column: 3,
          severity: 'warning',
          message:
            "egress hosts restrict what this proxy imports, but the outbound policy is ALLOW_ANY (Istio's default), so destinations they leave out, e.g. bank/ledger:8080, are still reachable as passthrough, without mesh routing or mTLS → set outboundTrafficPolicy.mode: REGISTRY_ONLY if the hosts should restrict traffic",
        },
        { line: 50, column: 11, severity: 'info', message: 'ALLOW_ANY (set on this Sidecar), so destinations they leave out, e.g. bank/frontend:80,' },
      ],
    },
    {
      name: 'namespace-wide configuration scoping is informational',
      yaml: nsWide,
      errors: [{ line: 11, column: 3, severity: 'info', message: 'e.g. bank/a:80' }],
    },
    {
      name: 'an allow-list under ALLOW_ANY set mesh-wide, with nothing in the input left out, is informational',
      mesh: { outboundTrafficPolicy: { mode: 'ALLOW_ANY' } },
      yaml: 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: default, namespace: shop}\nspec:\n  egress:\n    - hosts: ["./api.shop.svc.cluster.local"]\n',
      errors: [{ line: 5, column: 3, severity: 'info', message: 'ALLOW_ANY (mesh-wide, from test), so destinations they leave out, such as external hosts,' }],
    },
  ],
});
