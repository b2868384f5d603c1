// Virtual host domains (I5, I6) and Envoy's Host-header match order (I8).
import type { Service } from '../model/types.js';
import { addressesOf, parseIPv4 } from './addresses.js';

/** GenerateAltVirtualHosts for a proxy in `proxyNs` (IgnorePortInHostMatching: no ":port" variants). */
export function altHosts(hostname: string, proxyNs: string, clusterDomain: string): string[] {
  const out = parseIPv4(hostname) === undefined ? [`${hostname}.`] : [];
  const svcSuffix = `.svc.${clusterDomain}`;
  // Only names under svc.<domain> are expanded: other short forms could clash with Kubernetes names.
  if (!hostname.endsWith(svcSuffix)) return out;
  const ih = hostname.indexOf('.svc.');
  const dot = hostname.indexOf('.');
  if (ih <= 0 || dot + 1 > ih) return out;
  const upToSvc = hostname.slice(0, ih);
  if (hostname.slice(dot + 1, ih) === proxyNs) out.push(hostname.slice(0, dot), `${upToSvc}.svc`, upToSvc);
  else out.push(upToSvc, `${upToSvc}.svc`);
  return out;
}

/** generateVirtualHostDomains: the FQDN, its alternates, its aliases' names and alternates, real VIPs. */
export function serviceDomains(svc: Service, aliases: readonly Service[], proxyNs: string, clusterDomain: string): string[] {
  const domains: string[] = [];
  for (const name of [svc.hostname, ...aliases.map((a) => a.hostname)]) domains.push(name, ...altHosts(name, proxyNs, clusterDomain));
  // Headless Kubernetes Services also answer for <pod>.<name>…: every domain gets a "*." twin.
  if (svc.kube?.headless) for (const d of [...domains]) domains.push(`*.${d}`);
  const a = addressesOf(svc);
  for (const ip of [a.primary, ...a.extra]) if (parseIPv4(ip) !== undefined && ip !== '0.0.0.0') domains.push(ip);
  return domains;
}

/** A Host header as Envoy compares it: lower case, without ":port". */
export function normalizeHost(h: string): string {
  const lower = h.toLowerCase();
  const colon = lower.lastIndexOf(':');
  if (colon < 0 || lower.includes(']', colon) || colon === lower.length - 1) return lower;
  for (let i = colon + 1; i < lower.length; i++) if (lower.charCodeAt(i) < 48 || lower.charCodeAt(i) > 57) return lower;
  return lower.slice(0, colon);
}

export class DomainIndex<T> {
  private readonly exact = new Map<string, T>();
  private readonly suffix: { s: string; v: T }[] = [];
  private readonly prefix: { p: string; v: T }[] = [];
  private star: T | undefined;
  private readonly seen = new Set<string>();

  /** Adds a domain unless an earlier virtual host already has it (dedupeDomains: first wins). */
  add(domain: string, v: T): boolean {
    const d = domain.toLowerCase();
    if (this.seen.has(d)) return false;
    this.seen.add(d);
    if (d === '*') this.star = v;
    else if (d.startsWith('*')) this.suffix.push({ s: d.slice(1), v });
    else if (d.endsWith('*')) this.prefix.push({ p: d.slice(0, -1), v });
    else this.exact.set(d, v);
    return true;
  }

  has(domain: string): boolean {
    return this.seen.has(domain.toLowerCase());
  }

  /** Envoy's order: exact, longest suffix wildcard, longest prefix wildcard, then "*". */
  match(host: string): { v: T; domain: string } | undefined {
    const h = normalizeHost(host);
    const e = this.exact.get(h);
    if (e !== undefined) return { v: e, domain: h };
    let best: { v: T; domain: string; len: number } | undefined;
    for (const x of this.suffix) if (h.endsWith(x.s) && h.length > x.s.length && (!best || x.s.length > best.len)) best = { v: x.v, domain: `*${x.s}`, len: x.s.length };
    if (best) return best;
    for (const x of this.prefix) if (h.startsWith(x.p) && h.length > x.p.length && (!best || x.p.length > best.len)) best = { v: x.v, domain: `${x.p}*`, len: x.p.length };
    if (best) return best;
    return this.star !== undefined ? { v: this.star, domain: '*' } : undefined;
  }
}
