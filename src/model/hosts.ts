// Sidecar egress hosts ("namespace/dnsName") and service visibility (istio-semantics.md D, E).
import type { EgressHost, Service } from './types.js';

/** A host entry as Istio reads it, with "." resolved to the namespace it applies in. */
export interface ParsedHost {
  /** "*" for any namespace, or a namespace name. */
  readonly namespace: string;
  readonly dnsName: string;
  /** `~ns/host`: subtracts instead of adds ([1.31+] semantics). */
  readonly exclude: boolean;
}

/**
 * Parses one egress host for a proxy in `configNamespace` (the pod's namespace, even for a root-namespace Sidecar).
 * Returns undefined for entries Istio skips: not exactly one "/", or an empty part.
 */
export function parseHost(raw: string, configNamespace: string): ParsedHost | undefined {
  // Rules ask for the same few hosts once per service they match against: answer each (host, namespace) once.
  let byRaw = parsedHosts.get(configNamespace);
  if (!byRaw) parsedHosts.set(configNamespace, (byRaw = new Map()));
  let parsed = byRaw.get(raw);
  if (parsed === undefined) byRaw.set(raw, (parsed = readHost(raw, configNamespace) ?? null));
  return parsed ?? undefined;
}

const parsedHosts = new Map<string, Map<string, ParsedHost | null>>();

function readHost(raw: string, configNamespace: string): ParsedHost | undefined {
  const parts = raw.split('/');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  let ns = parts[0];
  let exclude = false;
  // A bare "~" is the "no namespace" idiom of ≤1.30 and still imports nothing; "~ns" excludes (1.31+).
  if (ns.startsWith('~')) {
    exclude = true;
    ns = ns.slice(1) || '*';
    if (parts[0] === '~' && parts[1] === '*') return Object.freeze({ namespace: '~', dnsName: '*', exclude: false });
  }
  if (ns === '.') ns = configNamespace;
  return Object.freeze({ namespace: ns, dnsName: parts[1], exclude });
}

/** host.Name.SubsetOf: does the service hostname fall under the import's dnsName? */
export function dnsMatches(pattern: string, hostname: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*.')) {
    const suffix = pattern.slice(1); // ".example.com"
    if (hostname.startsWith('*.')) return hostname.slice(1).endsWith(suffix);
    return hostname.endsWith(suffix) && hostname.length > suffix.length;
  }
  return pattern === hostname;
}

function hostMatches(h: ParsedHost, svc: Service): boolean {
  return (h.namespace === '*' || h.namespace === svc.namespace) && dnsMatches(h.dnsName, svc.hostname);
}

/** Is the service exported to namespace `ns`? (IsServiceVisible) */
export function isVisible(svc: Service, ns: string): boolean {
  for (const e of svc.exportTo) {
    if (e === '*' || e === ns || (e === '.' && ns === svc.namespace)) return true;
  }
  return false;
}

/** A host entry with its reading for one config namespace (undefined: skipped by Istio). */
export interface ParsedEntry {
  readonly host: EgressHost;
  readonly parsed: ParsedHost | undefined;
}

/** A listener's hosts read once for a config namespace, for importerOf to match many services against. */
export function entriesOf(hosts: readonly EgressHost[], configNamespace: string): ParsedEntry[] {
  return hosts.map((host) => ({ host, parsed: parseHost(host.raw, configNamespace) }));
}

/**
 * The first host entry that imports `svc`, if any. Entries for the service's own namespace are consulted before "*"
 * entries (selectServices); an exclusion wins.
 */
export function importerOf(entries: readonly ParsedEntry[], svc: Service): EgressHost | undefined {
  let found: EgressHost | undefined;
  let foundWildcardNs: EgressHost | undefined;
  for (const { host, parsed: p } of entries) {
    if (!p || !hostMatches(p, svc)) continue;
    if (p.exclude) return undefined;
    if (p.namespace === '*') foundWildcardNs ??= host;
    else found ??= host;
  }
  return found ?? foundWildcardNs;
}
