import ingressPortDuplicate from '../../rules/ingress-port-duplicate.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(ingressPortDuplicate, {
  valid: [{ name: 'distinct ingress ports', fixture: 'fixtures/rules/ingress-port-duplicate/valid/unique.yaml' }],
  invalid: [
    {
      name: 'the same port twice, even with a bind',
      fixture: 'fixtures/rules/ingress-port-duplicate/invalid/duplicate.yaml',
      errors: [{ line: 14, column: 17, endColumn: 21, message: 'ingress port 9080 is already used by spec.ingress[0] (line 9)' }],
    },
  ],
});
