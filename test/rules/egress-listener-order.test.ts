import egressListenerOrder from '../../rules/egress-listener-order.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(egressListenerOrder, {
  valid: [
    { name: 'catch-all listener last', fixture: 'fixtures/rules/egress-listener-order/valid/catch-all-last.yaml' },
    { name: 'only port listeners', fixture: 'fixtures/seed/sidecar.yaml' },
    { name: 'a single catch-all', yaml: 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: s\nspec:\n  egress:\n    - hosts: ["./*"]\n' },
  ],
  invalid: [
    {
      name: 'a catch-all before a port listener, and two catch-alls',
      fixture: 'fixtures/rules/egress-listener-order/invalid/catch-all-first.yaml',
      errors: [
        { line: 8, column: 7, message: 'the egress listener without "port" is entry 1 of 2: it must be the last one' },
        { line: 27, column: 7, message: 'entry 2 of 3' },
        { line: 28, column: 7, message: 'only one egress listener may omit "port", and spec.egress[1] already does' },
      ],
    },
    {
      name: 'an explicit null port is a catch-all too',
      yaml: 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: s\nspec:\n  egress:\n    - port: null\n      hosts: ["./*"]\n    - port:\n        number: 80\n      hosts: ["./*"]\n',
      errors: [{ line: 7, column: 7, message: 'entry 1 of 2' }],
    },
  ],
});
