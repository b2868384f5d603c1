import egressHostsEmpty from '../../rules/egress-hosts-empty.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(egressHostsEmpty, {
  valid: [
    { name: 'a listener with hosts', fixture: 'fixtures/rules/egress-hosts-empty/valid/hosts.yaml' },
    {
      name: 'a missing or null hosts list is left to the schema rule',
      yaml: 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: s\nspec:\n  egress:\n    - port:\n        number: 80\n    - hosts: null\n',
    },
  ],
  invalid: [
    {
      name: 'empty lists on a port listener and on the catch-all',
      fixture: 'fixtures/rules/egress-hosts-empty/invalid/no-hosts.yaml',
      errors: [
        { line: 12, column: 14, endColumn: 16, message: 'egress listener spec.egress[0] imports no hosts: add at least one namespace/dnsName entry such as "./*", or delete the listener' },
        { line: 13, column: 14, message: 'spec.egress[1] imports no hosts' },
      ],
    },
  ],
});
