import rule from '../../rules/egress-namespace-unknown.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { seedFiles } from '../helpers/seed-files.js';

const dir = 'fixtures/rules/egress-namespace-unknown';

ruleTester(rule, {
  valid: [
    { name: 'declared, used, always-present namespaces and exclusions', fixture: `${dir}/valid/known.yaml` },
    { name: 'the seed', files: seedFiles() },
    {
      name: 'a root namespace set in the mesh config is known',
      mesh: { rootNamespace: 'istio-config' },
      yaml: 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: default, namespace: shop}\nspec:\n  egress:\n    - hosts: ["istio-config/*"]\n',
    },
  ],
  invalid: [
    {
      name: 'a typo, a Service name and an unknown namespace, in an input that declares namespaces',
      fixture: `${dir}/invalid/typo-and-unknown.yaml`,
      errors: [
        { line: 25, column: 11, severity: 'warning', message: 'namespace "payment" of "payment/*" is neither declared nor used in the input, so this host may import nothing; did you mean "payments/*"?' },
        { line: 26, column: 11, severity: 'warning', message: 'if you meant Service payments/ledger, write "payments/ledger.payments.svc.cluster.local"; if it exists in the cluster, ignore' },
        { line: 27, column: 11, severity: 'warning', message: 'namespace "billing" of "billing/api.billing.svc.cluster.local"' },
      ],
    },
    {
      name: 'an input without any Namespace object only gets an informational finding',
      yaml: 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: default, namespace: shop}\nspec:\n  egress:\n    - hosts: ["./*", "monitoring/*"]\n',
      errors: [{ line: 6, column: 22, severity: 'info', message: 'ignore this with "# istio-lint-disable-line egress-namespace-unknown"' }],
    },
    {
      name: 'a near spelling stays a warning even without Namespace objects',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: payments}\nspec:\n  ports: [{name: http, port: 80}]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: default, namespace: shop}\nspec:\n  egress:\n    - hosts: ["paymnets/*"]\n',
      errors: [{ line: 12, column: 15, severity: 'warning', message: 'did you mean "payments/*"?' }],
    },
  ],
});
