// What Istio's validation (pkg/config/validation) accepts as a DNS name or a Unix domain socket path, shared by the
// rules that check egress hosts, the egress proxy, socket binds and ingress default endpoints.
import { quote } from '../model/describe.js';

const LABEL = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$/;

/** A DNS-1123 label as Istio checks it: letters, digits and "-" inside, at most 63 characters. */
export const isDnsLabel = (s: string): boolean => s.length <= 63 && LABEL.test(s);

export type DnsNameFault = { readonly kind: 'too-long' } | { readonly kind: 'numeric' } | { readonly kind: 'label'; readonly label: string };

/**
 * ValidateFQDN: at most 255 characters, DNS labels with an optional trailing dot, and a last label that is not all
 * digits (an IP address is no DNS name). With `leadingWildcard`, a first label "*." is allowed (ValidateWildcardDomain).
 */
export function dnsNameFault(name: string, options: { readonly leadingWildcard?: boolean } = {}): DnsNameFault | undefined {
  if (name.length > 255) return { kind: 'too-long' };
  const labels = (options.leadingWildcard && name.startsWith('*.') ? name.slice(2) : name).split('.');
  if (labels.length > 1 && labels[labels.length - 1] === '') labels.pop();
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return { kind: 'numeric' };
  const label = labels.find((l) => !isDnsLabel(l));
  return label === undefined ? undefined : { kind: 'label', label };
}

/** ValidateUnixAddress for a non-empty path: an absolute path to a file, or an abstract socket name after "@". */
export function unixPathProblem(path: string): string | undefined {
  if (path.startsWith('@')) return undefined;
  return !path.startsWith('/') || path.endsWith('/') ? `${quote(path)} is not an absolute path to a file` : undefined;
}
