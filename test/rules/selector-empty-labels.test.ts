import selectorEmptyLabels from '../../rules/selector-empty-labels.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(selectorEmptyLabels, {
  valid: [{ name: 'a labelled selector next to the namespace default', fixture: 'fixtures/rules/selector-empty-labels/valid/labels.yaml' }],
  invalid: [
    {
      name: 'labels: {} names the namespace default it outranks; workloadSelector: {} is reported at its key',
      fixture: 'fixtures/rules/selector-empty-labels/invalid/empty.yaml',
      errors: [
        { line: 17, column: 5, endColumn: 11, message: 'selects every pod in namespace bar and outranks the namespace-wide Sidecar bar/default (line 4), which then applies to no pod' },
        { line: 27, column: 3, message: 'outranks any namespace-wide Sidecar added later' },
      ],
    },
  ],
});
