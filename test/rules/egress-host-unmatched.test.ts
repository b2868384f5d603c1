import rule from '../../rules/egress-host-unmatched.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { seedFiles } from '../helpers/seed-files.js';

const dir = 'fixtures/rules/egress-host-unmatched';
const service = (name: string, ns: string): string => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n  ports: [{name: http, port: 80}]\n`;
const sidecar = (ns: string, hosts: string[]): string =>
  `apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: default, namespace: ${ns}}\nspec:\n  egress:\n    - hosts: [${hosts.map((h) => JSON.stringify(h)).join(', ')}]\n`;

ruleTester(rule, {
  valid: [
    { name: 'exact, wildcard and VirtualService matches; namespaces the input does not show', fixture: `${dir}/valid/matched.yaml` },
    { name: 'the seed', files: seedFiles() },
    {
      name: 'an external host when the input has no ServiceEntry at all',
      yaml: `${service('a', 'shop')}---\n${sidecar('shop', ['./*', '*/api.example.com'])}`,
    },
    {
      name: 'a mesh-wide default Sidecar: "." matches in some namespace',
      yaml: `${service('a', 'shop')}---\n${service('b', 'bank')}---\n${sidecar('istio-system', ['./a.shop.svc.cluster.local'])}`,
    },
    {
      name: 'unknown namespaces and hidden services are left to their own rules',
      yaml: `${service('a', 'shop')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\n  namespace: bank\n  annotations: {networking.istio.io/exportTo: "."}\nspec:\n  ports: [{name: http, port: 80}]\n---\n${sidecar('shop', ['ghost/a.ghost.svc.cluster.local', 'bank/b.bank.svc.cluster.local'])}`,
    },
  ],
  invalid: [
    {
      name: 'wrong namespace, short form, wrong cluster domain, misspelling, unknown name',
      fixture: `${dir}/invalid/wrong-names.yaml`,
      errors: [
        {
          line: 29,
          column: 11,
          message:
            'no Service, ServiceEntry or VirtualService in the input matches "default/helloworld.foo.svc.cluster.local", so it imports nothing; helloworld.foo.svc.cluster.local is declared in namespace foo, not default: write "foo/helloworld.foo.svc.cluster.local"',
        },
        { line: 30, column: 11, message: 'Sidecar hosts need the full name: write "foo/helloworld.foo.svc.cluster.local"' },
        { line: 31, column: 11, message: 'the cluster domain is cluster.local: write "foo/helloworld.foo.svc.cluster.local"' },
        { line: 32, column: 11, message: 'did you mean "foo/helloworld.foo.svc.cluster.local"?' },
        { line: 33, column: 11, message: 'if it is defined outside these manifests, ignore this with "# istio-lint-disable-line egress-host-unmatched"' },
      ],
    },
    {
      name: 'a custom cluster domain from the mesh config',
      mesh: { clusterDomain: 'corp.internal' },
      yaml: `${service('a', 'shop')}---\n${sidecar('shop', ['./a.shop.svc.cluster.local'])}`,
      errors: [{ line: 12, column: 15, message: 'the cluster domain is corp.internal: write "shop/a.shop.svc.corp.internal"' }],
    },
    {
      name: '"*/" with an external name when the input declares ServiceEntries',
      yaml: `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: se, namespace: shop}\nspec:\n  hosts: [api.example.com]\n  resolution: DNS\n  ports: [{number: 443, name: tls, protocol: TLS}]\n---\n${sidecar('shop', ['*/api.example.org'])}`,
      errors: [{ line: 14, column: 15, message: 'did you mean "*/api.example.com"?' }],
    },
  ],
});
