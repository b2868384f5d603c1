import { defineRule } from '../src/rule.js';

const LABELS = ['istio-injection', 'istio.io/rev', 'istio.io/dataplane-mode'] as const;

export default defineRule({
  meta: {
    id: 'namespace-injection-labels',
    description: 'A namespace carries more than one of istio-injection, istio.io/rev and istio.io/dataplane-mode',
    rationale:
      'The injection webhooks read these labels with a fixed precedence: `istio-injection=enabled` makes the default revision inject and the revision webhook skips the namespace, so an `istio.io/rev` next to it is ignored; sidecar injection next to `istio.io/dataplane-mode=ambient` asks for both data planes. The result is rarely what the second label suggests. `istio-injection=disabled` with another label is fine.',
    remediation: 'Keep one injection label: `istio.io/rev=<revision>` for revision-based installs, `istio-injection=enabled` otherwise, or `istio.io/dataplane-mode=ambient` for ambient.',
    severity: 'warning',
    kinds: ['Namespace'],
    peers: ['IST0123'],
    example: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: bar\n  labels:\n    istio-injection: enabled\n    istio.io/rev: canary\n',
  },
  check(manifest, ctx) {
    const ns = ctx.mesh.namespaces.get(manifest.name);
    if (!ns || ns.manifest !== manifest) return;
    const l = ns.labels;
    const injection = l['istio-injection'];
    // Any other istio-injection value disables every webhook for the namespace, so the others cannot conflict.
    if (injection !== undefined && injection !== 'enabled') return;
    const present = LABELS.filter((k) => l[k] !== undefined && (k !== 'istio.io/rev' || l[k] !== ''));
    if (present.length < 2) return;
    const [a, b] = present as [string, string];
    const effect =
      a === 'istio-injection' && b === 'istio.io/rev'
        ? `istio-injection=enabled makes the default revision inject, so istio.io/rev=${l[b]} is ignored`
        : `sidecar injection (${a}=${l[a]}) and ambient mode (${b}=${l[b]}) are both requested`;
    ctx.report({
      message: `namespace ${ns.name} has both ${a} and ${b}: ${effect}; keep one injection label`,
      path: ['metadata', 'labels', b],
      target: 'key',
    });
  },
});
