import { dnsNameFault, isDnsLabel } from '../src/checks/address-syntax.js';
import { isMeshDefault } from '../src/model/egress.js';
import { dnsMatches } from '../src/model/hosts.js';
import { defineRule } from '../src/rule.js';
import type { EgressHost } from '../src/model/types.js';

/** Whether Istio accepts the host's parts (SV-16); otherwise egress-host-format reports it. */
function wellFormed(ns: string, dns: string): boolean {
  if (ns !== '.' && ns !== '*' && !isDnsLabel(ns)) return false;
  if (dns === '*') return true;
  if (!dns.includes('.') || (dns.includes('*') && !dns.startsWith('*.'))) return false;
  return dnsNameFault(dns, { leadingWildcard: true }) === undefined;
}

interface Entry {
  readonly host: EgressHost;
  readonly ns: string;
  readonly dns: string;
}

// SV-17/SV-18 (E5): Istio warns about duplicates; here every host another entry of the listener already imports.
export default defineRule({
  meta: {
    id: 'egress-host-redundant',
    description: 'An egress host is already imported by another host of the same listener (a duplicate, `*/*`, `ns/*` or a covering wildcard)',
    rationale:
      'Hosts of one egress listener are a union: a host that another entry already covers (`foo/a.example.com` beside `foo/*` or `foo/*.example.com`, anything beside `*/*`, the same host twice, or `./*` beside the Sidecar\'s own `ns/*`) imports nothing more. Istio\'s validation warns about some of these (IST0133), and they usually mean the author expected the list to restrict something it does not. In the mesh-wide default Sidecar of the root namespace, `.` means each workload\'s own namespace, so `./*` beside `istio-system/*` is not reported.',
    remediation: 'Remove the redundant host, or narrow the covering one if the list was meant to restrict.',
    severity: 'warning',
    kinds: ['Sidecar'],
    peers: ['IST0133'],
    example:
      'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: shop\nspec:\n  egress:\n    - hosts: ["shop/*", "./cart.shop.svc.cluster.local"]\n',
  },
  check(manifest, ctx) {
    const sidecar = ctx.sidecarOf(manifest);
    if (!sidecar) return;
    // For the mesh default "." is each pod's namespace, and without metadata.namespace the Sidecar's namespace is
    // only known at apply time: then "." is a token of its own that only "*" covers.
    const dot = isMeshDefault(ctx.mesh, sidecar) || manifest.namespaceDefaulted ? '.' : sidecar.namespace;
    for (const l of sidecar.egress) {
      const entries: Entry[] = [];
      for (const h of l.hosts) {
        const ns = h.namespace;
        if (!ns || !h.dnsName || ns.startsWith('~')) continue; // exclusions subtract; malformed hosts are egress-host-format's
        if (!wellFormed(ns, h.dnsName)) continue; // Istio rejects the Sidecar over it (SV-16): one finding is enough
        entries.push({ host: h, ns: ns === '.' ? dot : ns, dns: h.dnsName });
      }
      entries.forEach((e, i) => {
        const same = entries.findIndex((o) => o.ns === e.ns && o.dns === e.dns);
        if (same < i) {
          const first = entries[same]!.host.raw;
          const also = first === e.host.raw ? '' : ` (also as "${first}")`;
          ctx.report({ message: `"${e.host.raw}" is listed twice in this listener${also}; remove the duplicate`, path: e.host.path });
          return;
        }
        const cover = entries.find((o) => o !== e && !(o.ns === e.ns && o.dns === e.dns) && (o.ns === '*' || o.ns === e.ns) && dnsMatches(o.dns, e.dns));
        if (!cover) return;
        const message =
          cover.ns === '*' && cover.dns === '*'
            ? `"${e.host.raw}" adds nothing: "${cover.host.raw}" in this listener already imports every host; remove it, or remove "${cover.host.raw}" if the list should restrict`
            : `"${e.host.raw}" is already imported by "${cover.host.raw}" in this listener; remove it`;
        ctx.report({ message, path: e.host.path });
      });
    }
  },
});
