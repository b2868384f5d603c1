import namespaceNotInjected from '../../rules/namespace-not-injected.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(namespaceNotInjected, {
  valid: [
    {
      name: 'labelled, ambient, empty, istio-system, kube-system and pod-opted-in namespaces (injection.yaml)',
      fixture: 'fixtures/rules/namespace-not-injected/valid/labelled.yaml',
    },
    { name: 'the seed namespace', fixture: 'fixtures/seed/namespace.yaml' },
  ],
  invalid: [
    {
      name: 'namespaces without injection labels that hold workloads (IST0102 bar)',
      fixture: 'fixtures/rules/namespace-not-injected/invalid/injection.yaml',
      errors: [
        { line: 4, column: 9, endColumn: 12, severity: 'info', message: 'namespace bar has no istio-injection or istio.io/rev label, so Deployment ratings and Deployment reviews get no Istio proxy' },
        { line: 45, column: 9, message: 'Deployment pay gets no Istio proxy' },
      ],
    },
  ],
});
