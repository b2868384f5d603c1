import rule from '../../rules/egress-host-not-visible.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { seedFiles } from '../helpers/seed-files.js';

const dir = 'fixtures/rules/egress-host-not-visible';

ruleTester(rule, {
  valid: [
    { name: 'exported by name, by "." to its own namespace, and by default', fixture: `${dir}/valid/exported.yaml` },
    { name: 'the seed', files: seedFiles() },
    {
      name: 'a mesh defaultServiceExportTo of "." still lets a namespace import its own services',
      mesh: { defaultServiceExportTo: ['.'] },
      yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: a, namespace: shop}\nspec:\n  ports: [{name: http, port: 80}]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: default, namespace: shop}\nspec:\n  egress:\n    - hosts: ["./*"]\n',
    },
  ],
  invalid: [
    {
      name: 'a Service exported to "." and a ServiceEntry exported elsewhere',
      fixture: `${dir}/invalid/export-to-dot.yaml`,
      errors: [
        {
          line: 39,
          column: 11,
          message:
            '"data/db.data.svc.cluster.local" matches data/db, which is not exported to namespace app, so it imports nothing: Service data/db is exported to "." → add "app" to its networking.istio.io/exportTo annotation',
        },
        { line: 40, column: 11, message: '"data/*" matches data/db, which is not exported' },
        { line: 41, column: 11, message: 'ServiceEntry payments/stripe is exported to ".", "billing" → add "app" to its spec.exportTo' },
      ],
    },
    {
      name: 'the mesh defaultServiceExportTo hides other namespaces',
      mesh: { defaultServiceExportTo: ['.'] },
      yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: a, namespace: bank}\nspec:\n  ports: [{name: http, port: 80}]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: default, namespace: shop}\nspec:\n  egress:\n    - hosts: ["bank/*"]\n',
      errors: [{ line: 12, column: 15, message: 'Service bank/a is exported to "."' }],
    },
  ],
});
