import outboundPolicyEmptyMode from '../../rules/outbound-policy-empty-mode.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(outboundPolicyEmptyMode, {
  valid: [
    { name: 'explicit modes and no policy (KIA1007 test data)', fixture: 'fixtures/rules/outbound-policy-empty-mode/valid/explicit.yaml' },
    { name: 'a null policy is no policy', yaml: 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: s\nspec:\n  outboundTrafficPolicy: null\n' },
  ],
  invalid: [
    {
      name: 'an empty policy, and one with only egressProxy, point at the outboundTrafficPolicy key',
      fixture: 'fixtures/rules/outbound-policy-empty-mode/invalid/no-mode.yaml',
      errors: [
        { line: 7, column: 3, endColumn: 24, message: 'outboundTrafficPolicy has no mode, so this Sidecar uses REGISTRY_ONLY, not the mesh\'s ALLOW_ANY' },
        { line: 17, column: 3 },
      ],
    },
    {
      name: 'under a REGISTRY_ONLY mesh the message names that mode',
      mesh: { outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } },
      yaml: 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: s\nspec:\n  outboundTrafficPolicy: {}\n',
      errors: [{ line: 6, column: 3, message: /uses REGISTRY_ONLY: write mode.*inherit the mesh mode \(REGISTRY_ONLY\)/ }],
    },
  ],
});
