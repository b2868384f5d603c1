import { defineRule } from '../src/rule.js';

// Reported by the loader: a file or document that cannot be read as YAML or JSON.
export default defineRule({
  meta: {
    id: 'parse-error',
    description: 'A file or document cannot be parsed as YAML or JSON',
    rationale: 'kubectl refuses the whole file, and nothing in the unreadable document is linted or modelled, so its Sidecars and Services are missing from the reachability report.',
    remediation: 'Fix the syntax at the position shown; `kubectl apply --dry-run=client -f FILE` shows the same problem.',
    severity: 'error',
    precision: 'very-high',
    example: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: [unclosed\n',
  },
});
