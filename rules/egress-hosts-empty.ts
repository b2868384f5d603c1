import { defineRule } from '../src/rule.js';
import { asArray, asObject } from '../src/json.js';

export default defineRule({
  meta: {
    id: 'egress-hosts-empty',
    description: 'An egress listener has an empty hosts list',
    rationale:
      'Every egress listener must import at least one `namespace/dnsName` host; Istio rejects a listener with an empty or missing `hosts` list ("egress listener must contain at least one host"). A missing list is reported by the schema rule.',
    remediation: 'List the hosts the listener should import, for example `./*` for the own namespace, or delete the listener.',
    severity: 'error',
    kinds: ['Sidecar'],
    peers: ['IST0106'],
    example: 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: bar\nspec:\n  egress:\n    - hosts: []\n',
  },
  check(manifest, ctx) {
    const egress = asArray(asObject(manifest.value.spec)?.egress);
    egress.forEach((e, i) => {
      const listener = asObject(e);
      if (!listener) return;
      // A missing or non-list hosts is the schema's finding ("required", "must be an array"); [] passes the schema.
      if (!Array.isArray(listener.hosts) || listener.hosts.length > 0) return;
      ctx.report({
        message: `egress listener spec.egress[${i}] imports no hosts: add at least one namespace/dnsName entry such as "./*", or delete the listener`,
        path: ['spec', 'egress', i, 'hosts'],
      });
    });
  },
});
