import { defineRule } from '../src/rule.js';

// Reported by the engine with --report-unused-suppressions.
export default defineRule({
  meta: {
    id: 'unused-suppression',
    description: 'A suppression annotation or comment suppresses nothing',
    rationale: 'Stale suppressions hide future problems of the same kind on that resource and mislead readers.',
    remediation: 'Remove the rule id from the annotation or delete the comment.',
    severity: 'warning',
    example: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  annotations:\n    istio-lint.io/ignore: selector-no-match\n',
  },
});
