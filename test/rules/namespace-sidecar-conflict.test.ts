import namespaceSidecarConflict from '../../rules/namespace-sidecar-conflict.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(namespaceSidecarConflict, {
  valid: [
    { name: 'one selector-less plus one selector Sidecar (sidecar-default-selector.yaml ns1)', fixture: 'fixtures/rules/namespace-sidecar-conflict/valid/one-default.yaml' },
    {
      name: 'the same Sidecar twice is one object, not a conflict',
      files: {
        'a.yaml': 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\nspec:\n  egress:\n    - hosts: ["./*"]\n',
        'b.yaml': 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\nspec:\n  egress:\n    - hosts: ["./*"]\n',
      },
    },
    {
      name: 'an ambient namespace (IST0167 territory)',
      yaml: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: amb\n  labels:\n    istio.io/dataplane-mode: ambient\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: a\n  namespace: amb\nspec:\n  egress:\n    - hosts: ["./*"]\n---\napiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: b\n  namespace: amb\nspec:\n  egress:\n    - hosts: ["./*"]\n',
    },
  ],
  invalid: [
    {
      name: 'two selector-less Sidecars in ns2 (IST0111): both reported at metadata.name',
      fixture: 'fixtures/rules/namespace-sidecar-conflict/invalid/two-defaults.yaml',
      errors: [
        { line: 4, column: 9, endColumn: 23, message: 'Sidecar ns2/has-conflict-2 (line 13) also has no workloadSelector in namespace ns2; Istio uses only the oldest (by creationTimestamp, then name), this one' },
        { line: 13, column: 9, message: 'Sidecar ns2/has-conflict-1 (line 4) also has no workloadSelector in namespace ns2; Istio uses only the oldest (by creationTimestamp, then name), ns2/has-conflict-1, and ignores the rest' },
      ],
    },
  ],
});
