import sidecarEmpty from '../../rules/sidecar-empty.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(sidecarEmpty, {
  valid: [{ name: 'a policy, a connection pool or an ingress alone is enough', fixture: 'fixtures/rules/sidecar-empty/valid/minimal.yaml' }],
  invalid: [
    {
      name: 'empty lists, no spec, a selector only (TestValidateSidecar empty cases)',
      fixture: 'fixtures/rules/sidecar-empty/invalid/empty.yaml',
      errors: [
        { line: 6, column: 1, endColumn: 5, message: 'Sidecar has no egress, ingress, outboundTrafficPolicy or inboundConnectionPool, so Istio rejects it as empty' },
        { line: 13, column: 9, message: 'rejects it as empty' },
        { line: 21, column: 1 },
      ],
    },
  ],
});
