import rule from '../../rules/egress-host-port-filtered.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { seedFiles } from '../helpers/seed-files.js';

const dir = 'fixtures/rules/egress-host-port-filtered';

ruleTester(rule, {
  valid: [
    { name: 'every host keeps a service on the port', fixture: `${dir}/valid/contributes.yaml` },
    { name: 'the seed', files: seedFiles() },
    {
      name: 'when no host keeps anything, egress-port-unmatched reports the port instead',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: db, namespace: data}\nspec:\n  ports: [{name: tcp, port: 5432}]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: default, namespace: shop}\nspec:\n  egress:\n    - port: {number: 80, protocol: HTTP, name: http}\n      hosts: ["data/*"]\n',
    },
  ],
  invalid: [
    {
      name: 'a namespace whose services lack the port, beside one that has it',
      fixture: `${dir}/invalid/other-port.yaml`,
      errors: [
        {
          line: 35,
          column: 11,
          message: '"data/*" only matches services without port 80, the port of this listener, so it adds nothing here (data/db exposes 5432) → move it to a listener on a port they expose, or remove it',
        },
      ],
    },
  ],
});
