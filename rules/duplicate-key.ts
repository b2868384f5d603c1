import { defineRule } from '../src/rule.js';

// Reported by the loader, which still reads the document so that other findings are not lost.
export default defineRule({
  meta: {
    id: 'duplicate-key',
    description: 'A mapping has the same key twice',
    rationale: 'kubectl rejects documents with duplicate keys ("mapping key already defined"); other tools silently keep one of the values, so what you read is not what runs.',
    remediation: 'Keep one of the keys and merge their values.',
    severity: 'error',
    precision: 'very-high',
    example: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  name: b\n',
  },
});
