import { dnsNameFault, isDnsLabel } from '../src/checks/address-syntax.js';
import { quote } from '../src/model/describe.js';
import { defineRule } from '../src/rule.js';

/** What is wrong with the namespace part, or undefined (E5: "*", ".", "~", or a label, [1.31+] "~"-prefixed). */
function namespaceProblem(ns: string): string | undefined {
  if (ns === '*' || ns === '.' || ns === '~') return undefined;
  const name = ns.startsWith('~') ? ns.slice(1) : ns;
  if (isDnsLabel(name)) return undefined;
  return `namespace part ${quote(ns)} is not "*", ".", "~" or a namespace name (lowercase letters, digits and "-")`;
}

/** What is wrong with the dnsName part (validateSidecarOrGatewayHostnamePart), or undefined. */
function dnsProblem(dns: string, ns: string, here: string, clusterDomain: string): string | undefined {
  if (dns === '*') return undefined;
  if (!dns.includes('.')) {
    const where = ns === '*' || ns === '~' || ns.startsWith('~') ? '<namespace>' : ns === '.' ? here : ns;
    return `short name ${quote(dns)} is rejected (Istio needs an FQDN): write ${quote(`${ns}/${dns}.${where}.svc.${clusterDomain}`)} or ${quote(`${ns}/*`)}`;
  }
  if (dns.includes('*') && !dns.startsWith('*.')) return `partial wildcard ${quote(dns)} is rejected: only a whole leading label "*." is allowed, e.g. "*.example.com"`;
  const fault = dnsNameFault(dns, { leadingWildcard: true });
  if (fault?.kind === 'too-long') return `dnsName is longer than 255 characters`;
  if (fault?.kind === 'numeric') return `${quote(dns)} ends in an all-numeric label: egress hosts are DNS names, not IP addresses; import the ServiceEntry host instead`;
  if (fault?.kind === 'label') return `label ${quote(fault.label)} of ${quote(dns)} is not a DNS label (letters, digits and "-", at most 63 characters)`;
  return undefined;
}

export default defineRule({
  meta: {
    id: 'egress-host-format',
    description: 'An egress host is not of the form namespace/dnsName with a valid namespace and an FQDN or leading-wildcard name',
    rationale:
      'Istio validates every `spec.egress[].hosts` entry as `namespace/dnsName`: the namespace part is `*`, `.`, `~` or a namespace name, and the dnsName is `*`, an FQDN, or a name with a leading `*.` label. Short names such as `foo/helloworld`, partial wildcards such as `*/*a.com` and entries without a `/` are rejected at admission; if validation is bypassed, istiod skips entries without exactly one `/`, so they import nothing.',
    remediation: 'Write the host as namespace/FQDN, for example `foo/helloworld.foo.svc.cluster.local` or `foo/*`.',
    severity: 'error',
    kinds: ['Sidecar'],
    peers: ['IST0106'],
    example:
      'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: bar\nspec:\n  egress:\n    - hosts:\n        - "foo/helloworld"\n',
  },
  check(manifest, ctx) {
    const sidecar = ctx.sidecarOf(manifest);
    if (!sidecar) return;
    const domain = ctx.mesh.settings.clusterDomain;
    for (const listener of sidecar.egress) {
      for (const h of listener.hosts) {
        const slash = h.raw.indexOf('/');
        let problem: string | undefined;
        if (slash < 0) {
          const hostLike = /^(\*\.)?[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)+\.?$/.test(h.raw);
          const hint = hostLike ? `, e.g. ${quote(`*/${h.raw}`)}` : h.raw === '*' ? ', e.g. "*/*"' : ', e.g. "./*"';
          problem = `host ${quote(h.raw)} has no "/": write it as namespace/dnsName${hint}`;
        } else {
          const ns = h.raw.slice(0, slash);
          const dns = h.raw.slice(slash + 1);
          if (!ns || !dns) problem = `host ${quote(h.raw)} has an empty ${!ns ? 'namespace' : 'dnsName'} part: write namespace/dnsName, e.g. "./*"`;
          else if (dns.includes('/')) problem = `host ${quote(h.raw)} has more than one "/": write namespace/dnsName`;
          else problem = namespaceProblem(ns) ?? dnsProblem(dns, ns, sidecar.namespace, domain);
          if (problem && !problem.startsWith('host')) problem = `host ${quote(h.raw)}: ${problem}`;
        }
        if (problem) ctx.report({ message: problem, path: h.path });
      }
    }
  },
});
