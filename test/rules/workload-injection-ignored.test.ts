import workloadInjectionIgnored from '../../rules/workload-injection-ignored.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(workloadInjectionIgnored, {
  valid: [{ name: 'injected by namespace or pod label; label false wins over annotation true', fixture: 'fixtures/rules/workload-injection-ignored/valid/injected.yaml' }],
  invalid: [
    {
      name: 'the annotation alone, a disabled namespace, hostNetwork',
      fixture: 'fixtures/rules/workload-injection-ignored/invalid/ignored.yaml',
      errors: [
        { line: 20, column: 34, message: 'the webhook only reads the pod label, not the sidecar.istio.io/inject annotation, so Deployment annotated gets no Istio proxy; use the pod label' },
        { line: 46, column: 34, message: 'namespace optout has istio-injection=disabled' },
        { line: 65, column: 34, message: 'a hostNetwork pod cannot be meshed' },
      ],
    },
  ],
});
