import egressUdsBind from '../../rules/egress-uds-bind.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(egressUdsBind, {
  valid: [
    { name: 'socket listeners with absolute and abstract paths', fixture: 'fixtures/rules/egress-uds-bind/valid/uds.yaml' },
    {
      name: 'an explicit port 0 with an IP bind is left to the schema rule',
      yaml: 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: s\nspec:\n  egress:\n    - port:\n        number: 0\n      bind: 127.0.0.1\n      hosts: ["./*"]\n',
    },
  ],
  invalid: [
    {
      name: 'IPTABLES capture, a repeated socket, a relative path, ports without a number',
      fixture: 'fixtures/rules/egress-uds-bind/invalid/uds.yaml',
      errors: [
        { line: 13, column: 20, message: 'captureMode "IPTABLES" cannot redirect traffic to a Unix domain socket listener: use DEFAULT or NONE' },
        { line: 19, column: 13, message: 'socket "unix:///var/run/app.sock" is already bound by spec.egress[0] (line 12)' },
        { line: 25, column: 13, message: '"relative.sock" is not an absolute path' },
        { line: 27, column: 7, endColumn: 11, message: 'a port without a number is port 0' },
        { line: 34, column: 13, message: 'not "127.0.0.1"' },
      ],
    },
  ],
});
