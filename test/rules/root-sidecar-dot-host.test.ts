import rule from '../../rules/root-sidecar-dot-host.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { seedFiles } from '../helpers/seed-files.js';

const dir = 'fixtures/rules/root-sidecar-dot-host';

ruleTester(rule, {
  valid: [
    { name: 'an explicit namespace, a namespace Sidecar, a root Sidecar with a selector', fixture: `${dir}/valid/scoped.yaml` },
    { name: 'the seed', files: seedFiles() },
    {
      name: 'a host declared in every namespace that uses the default',
      yaml: 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: a, namespace: istio-system}\nspec:\n  hosts: [api.example.com]\n  resolution: DNS\n  ports: [{number: 443, name: tls, protocol: TLS}]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: default, namespace: istio-system}\nspec:\n  egress:\n    - hosts: ["./api.example.com"]\n',
    },
  ],
  invalid: [
    {
      name: "workloads in shop do not get bank's Service",
      fixture: `${dir}/invalid/dot-means-own-namespace.yaml`,
      errors: [
        {
          line: 58,
          column: 11,
          message:
            '"." in the mesh-wide default Sidecar is each workload\'s own namespace, so "./ledger.bank.svc.cluster.local" imports bank/ledger only for workloads in bank, not in shop → write "bank/ledger.bank.svc.cluster.local" to import it everywhere',
        },
      ],
    },
    {
      name: 'a custom root namespace; without workloads every covered namespace counts; wildcards are left alone',
      mesh: { rootNamespace: 'mesh-root' },
      yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: a}\nspec:\n  ports: [{name: http, port: 80}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: b}\nspec:\n  ports: [{name: http, port: 80}]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: default, namespace: mesh-root}\nspec:\n  egress:\n    - hosts: ["./*.svc.cluster.local", "./api.example.com"]\n---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: x, namespace: a}\nspec:\n  hosts: [api.example.com]\n  resolution: DNS\n  ports: [{number: 443, name: tls, protocol: TLS}]\n---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: x, namespace: b}\nspec:\n  hosts: [api.example.com]\n  resolution: DNS\n  ports: [{number: 443, name: tls, protocol: TLS}]\n',
      errors: [{ line: 18, column: 40, message: 'imports a/api.example.com and b/api.example.com only for workloads in a and b, not in mesh-root → write "*/api.example.com"' }],
    },
  ],
});
