import egressProxyDeprecated from '../../rules/egress-proxy-deprecated.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(egressProxyDeprecated, {
  valid: [{ name: 'ALLOW_ANY without a proxy', fixture: 'fixtures/rules/egress-proxy-deprecated/valid/no-proxy.yaml' }],
  invalid: [
    {
      name: 'deprecation.yaml: Sidecar default/no-selector (IST0002)',
      fixture: 'fixtures/rules/egress-proxy-deprecated/invalid/deprecation.yaml',
      errors: [{ line: 18, column: 5, endColumn: 16, message: 'outboundTrafficPolicy.egressProxy is deprecated' }],
    },
  ],
});
