import namespaceInjectionLabels from '../../rules/namespace-injection-labels.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(namespaceInjectionLabels, {
  valid: [{ name: 'one label each; disabled plus another label (injection.yaml not-conflict-ns)', fixture: 'fixtures/rules/namespace-injection-labels/valid/one-label.yaml' }],
  invalid: [
    {
      name: 'busted, multi-ns-2, multi-ns-3 (IST0123)',
      fixture: 'fixtures/rules/namespace-injection-labels/invalid/injection.yaml',
      errors: [
        { line: 7, column: 5, endColumn: 17, message: 'namespace busted has both istio-injection and istio.io/rev: istio-injection=enabled makes the default revision inject, so istio.io/rev=canary is ignored' },
        { line: 15, column: 5, message: 'sidecar injection (istio-injection=enabled) and ambient mode (istio.io/dataplane-mode=ambient) are both requested' },
        { line: 23, column: 5, message: 'sidecar injection (istio.io/rev=test)' },
      ],
    },
  ],
});
