import egressPortDuplicate from '../../rules/egress-port-duplicate.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(egressPortDuplicate, {
  valid: [
    { name: 'distinct ports, and two socket listeners (port 0) with their own binds', fixture: 'fixtures/rules/egress-port-duplicate/valid/distinct-ports.yaml' },
    { name: 'the seed Sidecars', fixture: 'fixtures/seed/sidecar.yaml' },
  ],
  invalid: [
    {
      name: 'the second listener on a port is reported at its number, also with different binds (istio/istio#37487)',
      fixture: 'fixtures/rules/egress-port-duplicate/invalid/same-port.yaml',
      errors: [
        { line: 14, column: 17, endColumn: 21, message: 'port 9080 is already used by spec.egress[0] (line 9): merge the hosts' },
        { line: 33, column: 17, message: 'Istio rejects this even with different binds (127.0.0.2, 127.0.0.3)' },
      ],
    },
  ],
});
