import { serviceLabel } from '../src/checks/egress-hosts.js';
import { configNamespacesOf, effectiveOutboundMode, importedPortsOf, outboundModeOrigin } from '../src/model/egress.js';
import { isVisible } from '../src/model/hosts.js';
import { asObject, get } from '../src/json.js';
import { defineRule } from '../src/rule.js';

// C2, G11, I3: under ALLOW_ANY whatever the Sidecar does not import goes to PassthroughCluster; egress hosts scope
// configuration, they are not a firewall (sidecar.proto, C5).
export default defineRule({
  meta: {
    id: 'allow-any-unenforced',
    description: 'Egress hosts restrict what the proxy imports, but the effective outbound policy is ALLOW_ANY, so other destinations still pass',
    rationale:
      'A Sidecar\'s egress hosts decide which services the proxy gets configuration for, not which destinations it may reach. Under ALLOW_ANY (Istio\'s default) a call to anything not imported falls through to PassthroughCluster: it still succeeds, but as plain TCP to the original address, without mesh routing, retries, mTLS or telemetry (and it fails against a STRICT mTLS server). Users often expect the host list to block traffic. The finding is a warning when the Sidecar lists specific hosts (an allow-list), does not set ALLOW_ANY itself, and the input shows a service it leaves out. Namespace-wide imports such as `./*` and `istio-system/*` are the configuration scoping Istio recommends for performance: they get an informational finding only when the input shows a service that slips through.',
    remediation: 'Set `outboundTrafficPolicy.mode: REGISTRY_ONLY` on the Sidecar (or mesh-wide) if the hosts are meant to restrict traffic; if the Sidecar only scopes configuration, suppress the finding.',
    severity: 'warning',
    // Egress hosts look like an allow-list, but ALLOW_ANY passes every other destination too.
    securitySeverity: 7.0,
    kinds: ['Sidecar'],
    tags: ['security'],
    example:
      'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: shop\nspec:\n  egress:\n    - hosts: ["./*", "istio-system/*"]\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ledger\n  namespace: bank\nspec:\n  ports:\n    - name: http\n      port: 8080\n',
  },
  check(manifest, ctx) {
    const sidecar = ctx.sidecarOf(manifest);
    if (!sidecar || sidecar.egressDefaulted || effectiveOutboundMode(ctx.mesh, sidecar) !== 'ALLOW_ANY') return;
    // An egressProxy sends the fall-through elsewhere than the original destination (C3).
    if (asObject(get(manifest.value, ['spec', 'outboundTrafficPolicy', 'egressProxy']))) return;
    // Listeners with captureMode NONE only see what the app sends to them: when all are, the pod runs without
    // iptables capture (G10) and other traffic never reaches Envoy's fall-through at all.
    if (sidecar.egress.every((l) => l.captureMode === 'NONE')) return;
    const importsAll = sidecar.egress.some((l) => !l.port && l.hosts.some((h) => h.raw === '*/*') && !l.hosts.some((h) => h.raw.startsWith('~')));
    if (importsAll) return;
    const kept = importedPortsOf(ctx.mesh, sidecar);
    const configNamespaces = configNamespacesOf(ctx.mesh, sidecar);
    let left: string | undefined;
    for (const s of ctx.mesh.services) {
      if (!configNamespaces.some((c) => isVisible(s, c))) continue;
      const p = s.ports.find((x) => x.protocol !== 'UDP' && !kept.get(s)?.includes(x.port));
      if (p) {
        left = `${serviceLabel(s)}:${p.port}`;
        break;
      }
    }
    const explicit = get(manifest.value, ['spec', 'outboundTrafficPolicy', 'mode']) === 'ALLOW_ANY';
    // Specific hosts read as an allow-list; namespace-wide hosts (`./*`, `istio-system/*`) are the configuration
    // scoping Istio recommends for performance, worth a note only when the input shows a service that slips through.
    // A warning also needs that service, and no explicit ALLOW_ANY on the Sidecar (which shows the choice was made).
    const allowList = sidecar.egress.some((l) => l.hosts.some((h) => h.dnsName !== undefined && h.dnsName !== '*' && !h.raw.startsWith('~')));
    if (!allowList && !left) return;
    const example = left ? `, e.g. ${left}` : ', such as external hosts';
    ctx.report({
      message: `egress hosts restrict what this proxy imports, but the outbound policy is ALLOW_ANY (${outboundModeOrigin(ctx.mesh, sidecar)}), so destinations they leave out${example}, are still reachable as passthrough, without mesh routing or mTLS → set outboundTrafficPolicy.mode: REGISTRY_ONLY if the hosts should restrict traffic`,
      path: explicit ? ['spec', 'outboundTrafficPolicy', 'mode'] : ['spec', 'egress'],
      ...(explicit ? {} : { target: 'key' as const }),
      ...(left && !explicit && allowList ? {} : { severity: 'info' as const }),
    });
  },
});
