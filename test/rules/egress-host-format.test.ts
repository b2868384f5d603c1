import egressHostFormat from '../../rules/egress-host-format.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(egressHostFormat, {
  valid: [
    { name: 'wildcards, dot, exclusions and FQDNs (TestValidateSidecar valid hosts)', fixture: 'fixtures/rules/egress-host-format/valid/hosts.yaml' },
    { name: 'the seed Sidecars', fixture: 'fixtures/seed/sidecar.yaml' },
  ],
  invalid: [
    {
      name: 'a wildcard with nothing after "*." (ValidateWildcardDomain needs a domain)',
      yaml: 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: s\n  namespace: a\nspec:\n  egress:\n    - hosts: ["a/*.", "*/*.example.com"]\n',
      errors: [{ line: 8, column: 15, message: 'host "a/*.": label "" of "*." is not a DNS label' }],
    },
    {
      name: 'each malformed host is reported at its own string',
      fixture: 'fixtures/rules/egress-host-format/invalid/hosts.yaml',
      errors: [
        { line: 9, column: 11, endColumn: 14, message: 'host "*" has no "/": write it as namespace/dnsName, e.g. "*/*"' },
        { line: 10, column: 11, message: 'empty namespace part' },
        { line: 11, column: 11, message: 'short name "helloworld" is rejected (Istio needs an FQDN): write "foo/helloworld.foo.svc.cluster.local" or "foo/*"' },
        { line: 12, column: 11, message: 'partial wildcard "*a.com"' },
        { line: 13, column: 11, message: 'namespace part "~Invalid_NS"' },
        { line: 14, column: 11, message: 'e.g. "*/api.example.com"' },
        { line: 15, column: 11, message: 'not IP addresses' },
        { line: 16, column: 11, message: 'more than one "/"' },
        { line: 17, column: 11, message: 'label "foo_bar"' },
      ],
    },
    {
      name: 'a short name under "." suggests the Sidecar namespace and the configured cluster domain',
      mesh: { clusterDomain: 'corp.local' },
      yaml: 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: s\n  namespace: shop\nspec:\n  egress:\n    - hosts: ["./cart"]\n',
      errors: [{ line: 8, column: 15, message: '"./cart.shop.svc.corp.local"' }],
    },
  ],
});
