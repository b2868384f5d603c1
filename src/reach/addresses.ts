// Addresses Envoy listens on and clients dial: ClusterIPs, ServiceEntry addresses and CIDRs, pod IPs (G2, L3).
// Manifests rarely carry real IPs, so unknown ones are stand-ins such as "ClusterIP(helloworld.foo)": distinct per
// service, never equal to a literal IP, and readable in listener names.
import type { Service } from '../model/types.js';

export const WILDCARD = '0.0.0.0';

/** A literal IPv4 address as a 32-bit number, or undefined. */
export function parseIPv4(s: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const b = Number(m[i]);
    if (b > 255) return undefined;
    n = n * 256 + b;
  }
  return n;
}

function formatIPv4(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

export interface Cidr {
  readonly text: string;
  readonly base?: number;
  readonly bits: number;
}

export function parseCidr(text: string): Cidr | undefined {
  const [addr, len] = text.split('/');
  if (addr === undefined || len === undefined || !/^\d+$/.test(len)) return undefined;
  const bits = Number(len);
  const ip = parseIPv4(addr);
  if (ip === undefined) return addr.includes(':') && bits <= 128 ? { text, bits } : undefined;
  if (bits > 32) return undefined;
  const size = 2 ** (32 - bits);
  return { text, base: Math.floor(ip / size) * size, bits };
}

/** Does the CIDR contain the destination? Stand-in addresses are only "in" the CIDR they were drawn from. */
export function cidrContains(c: Cidr, dest: Dest): boolean {
  if (dest.fromCidr === c.text) return true;
  if (c.base === undefined || dest.ip === undefined) return false;
  return dest.ip >= c.base && dest.ip < c.base + 2 ** (32 - c.bits);
}

/** An address a client could dial inside the CIDR (the first host address). */
export function addressIn(c: Cidr): string {
  if (c.base === undefined) return `ip-in(${c.text})`;
  return formatIPv4(c.bits >= 31 ? c.base : c.base + 1);
}

/** Where a connection goes: the address as Envoy sees it (original destination). */
export interface Dest {
  readonly addr: string;
  /** Set when addr is a literal IPv4 address. */
  readonly ip?: number;
  /** The CIDR this stand-in was drawn from. */
  readonly fromCidr?: string;
  /** How the name got there, for reasons: "the ClusterIP of helloworld.foo", "pod IP of foo/db". */
  readonly how: string;
}

export function destOf(addr: string, how: string, fromCidr?: string): Dest {
  const ip = parseIPv4(addr);
  return { addr, how, ...(ip !== undefined ? { ip } : {}), ...(fromCidr ? { fromCidr } : {}) };
}

/** "helloworld.foo" for a Kubernetes Service, the host for a ServiceEntry. */
export function shortName(svc: Service): string {
  return svc.source === 'Service' ? `${svc.name}.${svc.namespace}` : svc.hostname;
}

export interface ServiceAddresses {
  /** The listener address for TCP/auto ports: a VIP, or 0.0.0.0 when the service has none (or only CIDRs). */
  readonly primary: string;
  /** Further VIPs of a multi-address ServiceEntry. */
  readonly extra: readonly string[];
  /** CIDR addresses: they give 0.0.0.0 listeners with CIDR filter chains. */
  readonly cidrs: readonly Cidr[];
  /** True when there is no VIP at all (headless Service, ServiceEntry without addresses). */
  readonly none: boolean;
}

const caches = [new WeakMap<Service, ServiceAddresses>(), new WeakMap<Service, ServiceAddresses>()] as const;

/**
 * GetAddressForProxy: ClusterIP, ServiceEntry address, or 0.0.0.0 (L3). With DNS capture, a ServiceEntry without
 * addresses (not wildcard, not resolution NONE) gets an auto-allocated VIP, shown as AutoIP(host).
 */
export function addressesOf(svc: Service, dnsCapture = false): ServiceAddresses {
  const cache = caches[dnsCapture ? 1 : 0];
  let a = cache.get(svc);
  if (a) return a;
  if (svc.kube) {
    const ip = svc.kube.clusterIP;
    if (svc.kube.headless || svc.kube.type === 'ExternalName') a = { primary: WILDCARD, extra: [], cidrs: [], none: true };
    else a = { primary: ip && ip !== 'None' ? ip : `ClusterIP(${shortName(svc)})`, extra: [], cidrs: [], none: false };
  } else {
    const all = svc.entry?.addresses ?? [];
    // A /32 CIDR is an address of its own (Istio's small optimisation in G2).
    const plain = all.filter((x) => !x.includes('/') || x.endsWith('/32')).map((x) => x.replace(/\/32$/, ''));
    const cidrs = all.filter((x) => x.includes('/') && !x.endsWith('/32')).flatMap((x) => parseCidr(x) ?? []);
    const first = all[0];
    const allocate = dnsCapture && !svc.hostname.startsWith('*') && svc.entry?.resolution !== 'NONE';
    if (first === undefined) a = allocate ? { primary: `AutoIP(${svc.hostname})`, extra: [], cidrs: [], none: false } : { primary: WILDCARD, extra: [], cidrs: [], none: true };
    else if (first.includes('/') && !first.endsWith('/32')) a = { primary: WILDCARD, extra: [], cidrs, none: false };
    else a = { primary: plain[0]!, extra: plain.slice(1), cidrs, none: false };
  }
  cache.set(svc, a);
  return a;
}
