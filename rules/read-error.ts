import { defineRule } from '../src/rule.js';

// Reported by the CLI for paths that cannot be read; the other inputs are still linted.
export default defineRule({
  meta: {
    id: 'read-error',
    description: 'A path given on the command line, or found below it, cannot be read',
    rationale: 'Resources in an unreadable file are missing from the model, so Sidecars may look unused and calls may look blocked when they are not.',
    remediation: 'Fix the path or its permissions, or exclude it with --ignore-pattern.',
    severity: 'error',
    precision: 'very-high',
    example: '# istio-lint ./does-not-exist\n',
  },
});
