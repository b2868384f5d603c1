import rule from '../../rules/egress-host-redundant.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { seedFiles } from '../helpers/seed-files.js';

const dir = 'fixtures/rules/egress-host-redundant';
const sidecar = (meta: string, hosts: string[]): string =>
  `apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {${meta}}\nspec:\n  egress:\n    - hosts: [${hosts.map((h) => JSON.stringify(h)).join(', ')}]\n`;

ruleTester(rule, {
  valid: [
    { name: 'exclusions, separate listeners, disjoint hosts, the mesh-wide default', fixture: `${dir}/valid/distinct.yaml` },
    { name: 'the seed', files: seedFiles() },
    {
      name: 'without metadata.namespace, "." is only known when applied',
      yaml: sidecar('name: default', ['./*', 'default/*', 'istio-system/*']),
    },
    { name: 'malformed hosts are egress-host-format\'s', yaml: sidecar('name: a, namespace: shop', ['*', '*', 'shop/*']) },
  ],
  invalid: [
    {
      name: 'a host under ns/*, under a wildcard, an exact duplicate, and hosts beside */*',
      fixture: `${dir}/invalid/covered.yaml`,
      errors: [
        { line: 14, column: 11, message: '"./cart.shop.svc.cluster.local" is already imported by "shop/*" in this listener; remove it' },
        { line: 16, column: 11, message: '"bank/api.example.com" is already imported by "bank/*.example.com" in this listener; remove it' },
        { line: 17, column: 11, message: '"bank/*.example.com" is listed twice in this listener; remove the duplicate' },
        { line: 19, column: 11, message: '"istio-system/*" adds nothing: "*/*" in this listener already imports every host; remove it, or remove "*/*" if the list should restrict' },
        { line: 21, column: 11, message: '"./*" adds nothing: "*/*"' },
      ],
    },
    {
      name: '"." is the Sidecar\'s own namespace (SV-17)',
      yaml: sidecar('name: a, namespace: bar', ['./*', 'bar/*']),
      errors: [{ line: 6, column: 22, message: '"bar/*" is listed twice in this listener (also as "./*"); remove the duplicate' }],
    },
    {
      name: 'a specific host under */ of the same name',
      yaml: sidecar('name: a, namespace: bar', ['*/api.example.com', 'foo/api.example.com']),
      errors: [{ line: 6, column: 36, message: '"foo/api.example.com" is already imported by "*/api.example.com"' }],
    },
  ],
});
