import { defineRule } from '../src/rule.js';

// Reported by the loader for documents without apiVersion and kind (values files, kustomization.yaml, ...).
export default defineRule({
  meta: {
    id: 'not-a-resource',
    description: 'A document is not a Kubernetes object and was skipped',
    rationale: 'Only objects with apiVersion and kind are applied to a cluster; other YAML in the tree (Helm values, CI files) is not linted.',
    remediation: 'Nothing to do if the file is not a manifest; otherwise add apiVersion and kind, or exclude it with ignorePatterns.',
    severity: 'info',
    example: 'replicas: 3\nimage: nginx\n',
  },
});
