import rootSidecarSelector from '../../rules/root-sidecar-selector.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rootSidecarSelector, {
  valid: [
    { name: 'a selector-less root Sidecar and a selector Sidecar elsewhere (KIA1006 test data)', fixture: 'fixtures/rules/root-sidecar-selector/valid/root-default.yaml' },
    {
      name: 'a configured root namespace makes istio-system an ordinary namespace',
      mesh: { rootNamespace: 'mesh-root' },
      yaml: 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: s\n  namespace: istio-system\nspec:\n  workloadSelector:\n    labels:\n      app: a\n  egress:\n    - hosts: ["./*"]\n',
    },
  ],
  invalid: [
    {
      name: 'a root Sidecar with a selector is reported at workloadSelector',
      fixture: 'fixtures/rules/root-sidecar-selector/invalid/root-with-selector.yaml',
      errors: [{ line: 7, column: 3, endColumn: 19, message: 'this Sidecar is in the root namespace istio-system but has a workloadSelector' }],
    },
    {
      name: 'the configured root namespace counts',
      mesh: { rootNamespace: 'mesh-root' },
      yaml: 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: s\n  namespace: mesh-root\nspec:\n  workloadSelector:\n    labels:\n      app: a\n  egress:\n    - hosts: ["./*"]\n',
      errors: [{ line: 7, column: 3, message: 'root namespace mesh-root' }],
    },
  ],
});
