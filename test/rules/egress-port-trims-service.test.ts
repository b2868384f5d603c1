import rule from '../../rules/egress-port-trims-service.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { seedFiles } from '../helpers/seed-files.js';

const dir = 'fixtures/rules/egress-port-trims-service';

ruleTester(rule, {
  valid: [{ name: 'every port imported by some listener, UDP ignored, single-port services', fixture: `${dir}/valid/all-ports.yaml` }],
  invalid: [
    {
      name: "the seed's default Sidecar alone",
      fixture: `${dir}/invalid/seed-default.yaml`,
      errors: [
        {
          line: 29,
          column: 17,
          severity: 'warning',
          message:
            'this listener imports foo/helloworld on port 80 only, and no other listener imports foo/helloworld:8080: calls to that port are blackholed under REGISTRY_ONLY (set on this Sidecar) → add an egress listener for it, or a port-less one with the same hosts',
        },
      ],
    },
    {
      name: 'the seed: observed blackholes #2 and #4 (default pod) and #5 and #7 (foo pod)',
      files: seedFiles(),
      errors: [
        { file: 'fixtures/seed/sidecar.yaml', line: 12, column: 17, message: 'no other listener imports foo/helloworld:8080' },
        { file: 'fixtures/seed/sidecar.yaml', line: 31, column: 17, message: 'this listener imports default/helloworld and foo/helloworld on port 8080 only, and no other listener imports default/helloworld:80 and foo/helloworld:80: calls to those ports are blackholed' },
      ],
    },
    {
      name: 'under ALLOW_ANY the lost ports pass through: informational',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: a, namespace: foo}\nspec:\n  ports: [{name: http, port: 80}, {name: grpc, port: 9000}]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: default, namespace: default}\nspec:\n  egress:\n    - port: {number: 80, protocol: HTTP, name: http}\n      hosts: ["foo/*"]\n',
      errors: [{ line: 12, column: 22, severity: 'info', message: "calls to that port leave the mesh as passthrough under ALLOW_ANY (Istio's default), without mTLS or routing" }],
    },
  ],
});
