import selectorLabelInvalid from '../../rules/selector-label-invalid.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(selectorLabelInvalid, {
  valid: [
    { name: 'plain labels', fixture: 'fixtures/rules/selector-label-invalid/valid/labels.yaml' },
    {
      name: 'a "*" in a value is left to the schema rule',
      yaml: 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: s\nspec:\n  workloadSelector:\n    labels:\n      app: "web-*"\n  egress:\n    - hosts: ["./*"]\n',
    },
  ],
  invalid: [
    {
      name: 'wildcard keys and an empty key',
      fixture: 'fixtures/rules/selector-label-invalid/invalid/labels.yaml',
      errors: [
        { line: 9, column: 7, endColumn: 13, message: 'label key "app*" contains "*"' },
        { line: 10, column: 7, message: 'label key "*" contains "*"' },
        { line: 11, column: 7, message: 'label key is empty (value "x")' },
      ],
    },
  ],
});
