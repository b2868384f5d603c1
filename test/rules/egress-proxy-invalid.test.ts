import egressProxyInvalid from '../../rules/egress-proxy-invalid.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(egressProxyInvalid, {
  valid: [{ name: 'ALLOW_ANY with a DNS host and a port; REGISTRY_ONLY without a proxy', fixture: 'fixtures/rules/egress-proxy-invalid/valid/allow-any.yaml' }],
  invalid: [
    {
      name: 'REGISTRY_ONLY, no mode, a bad host without a port (TestValidateSidecar)',
      fixture: 'fixtures/rules/egress-proxy-invalid/invalid/proxy.yaml',
      errors: [
        { line: 8, column: 11, message: 'egressProxy only works with mode ALLOW_ANY, but the mode is "REGISTRY_ONLY"' },
        { line: 21, column: 5, message: 'the mode is unset (REGISTRY_ONLY)' },
        { line: 34, column: 5, message: 'egressProxy has no port' },
        { line: 35, column: 13, message: 'label "proxy_1" of "proxy_1.example.com" is not a DNS label' },
      ],
    },
  ],
});
