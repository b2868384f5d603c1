// What is wrong with one Sidecar egress host, decided once so that each host gets at most one of the host rules
// (registry-only-unregistered-host, egress-namespace-unknown, egress-host-not-visible, egress-host-unmatched).
// Partial input is the norm: a host is only called unmatched where the input shows the registry it would match.
import { configNamespacesOf, effectiveOutboundMode, isClusterName, kubeShortFormOf, servicesNamedBy, virtualServicesNamedBy } from '../model/egress.js';
import { dnsMatches, isVisible, parseHost, type ParsedHost } from '../model/hosts.js';
import type { EgressHost, Mesh, Service, Sidecar } from '../model/types.js';
import { closest } from '../suggest.js';
import { isDnsLabel } from './address-syntax.js';

export type HostProblemKind = 'unregistered' | 'namespace-unknown' | 'not-visible' | 'unmatched';

export interface HostProblem {
  readonly kind: HostProblemKind;
  /** The host as parsed for the Sidecar's first config namespace. */
  readonly parsed: ParsedHost;
  /** Namespaces the Sidecar applies to (several for the mesh default). */
  readonly configNamespaces: readonly string[];
  /** Services the host names but that are not exported to any of those namespaces. */
  readonly hidden: readonly Service[];
  /** A ready clause that suggests the fix, e.g. `did you mean "foo/…"?`. */
  readonly hint?: string;
  /** The hint names a near spelling of something in the input: strong evidence of a typo. */
  readonly typo?: boolean;
}

/** Namespaces every cluster has, or that Istio installs; never "unknown". */
const ALWAYS_THERE = ['default', 'kube-system', 'kube-public', 'kube-node-lease', 'istio-system'];

/** Hosts the format rule owns, exclusions and the "import nothing" idiom are no business of the host rules. */
function judgeable(host: EgressHost): boolean {
  const ns = host.namespace;
  const dns = host.dnsName;
  if (ns === undefined || dns === undefined || !ns || !dns || ns.startsWith('~')) return false;
  if (ns !== '.' && ns !== '*' && !isDnsLabel(ns)) return false;
  if (ns === '*' && dns === '*') return false;
  if (dns === '*') return true;
  const rest = dns.startsWith('*.') ? dns.slice(2) : dns;
  return rest.includes('.') && !rest.includes('*');
}

export function knownNamespaces(mesh: Mesh): ReadonlySet<string> {
  return new Set([...mesh.namespaces.keys(), ...ALWAYS_THERE]);
}

/** Whether the input shows which services a namespace holds (it has at least one Service or ServiceEntry). */
function servicesShownFor(mesh: Mesh, ns: string): boolean {
  return mesh.services.some((s) => s.namespace === ns);
}

const cache = new WeakMap<EgressHost, HostProblem | null>();

/** The one problem of an egress host, if any (hosts are model objects of one mesh, so they key the cache). */
export function egressHostProblem(mesh: Mesh, sidecar: Sidecar, host: EgressHost): HostProblem | undefined {
  let p = cache.get(host);
  if (p === undefined) cache.set(host, (p = judge(mesh, sidecar, host) ?? null));
  return p ?? undefined;
}

/** The hosts of the Sidecar's egress listeners whose one problem is of this kind, in listener order. */
export function hostProblems(mesh: Mesh, sidecar: Sidecar, kind: HostProblemKind): { host: EgressHost; problem: HostProblem }[] {
  const out: { host: EgressHost; problem: HostProblem }[] = [];
  for (const l of sidecar.egress) {
    for (const host of l.hosts) {
      const problem = egressHostProblem(mesh, sidecar, host);
      if (problem?.kind === kind) out.push({ host, problem });
    }
  }
  return out;
}

function judge(mesh: Mesh, sidecar: Sidecar, host: EgressHost): HostProblem | undefined {
  if (!judgeable(host)) return undefined;
  const configNamespaces = configNamespacesOf(mesh, sidecar);
  const parsedIn = configNamespaces.map((c) => ({ c, p: parseHost(host.raw, c)! }));
  const parsed = parsedIn[0]!.p;
  const named = new Set<Service>();
  for (const { c, p } of parsedIn) {
    const byName = servicesNamedBy(mesh, p);
    if (byName.some((s) => isVisible(s, c)) || virtualServicesNamedBy(mesh, p, c).length) return undefined;
    byName.forEach((s) => named.add(s));
  }
  const hidden = [...named];
  const base = { parsed, configNamespaces, hidden };
  const external = parsed.dnsName !== '*' && !looksInCluster(mesh, parsed.dnsName);

  if (external && effectiveOutboundMode(mesh, sidecar) === 'REGISTRY_ONLY') {
    return { kind: 'unregistered', ...base, hint: hidden.length ? notExportedHint(hidden, configNamespaces) : elsewhereHint(mesh, parsed, configNamespaces) };
  }
  if (parsed.namespace !== '*' && host.namespace !== '.' && !knownNamespaces(mesh).has(parsed.namespace)) {
    const near = closest(parsed.namespace, [...mesh.namespaces.keys()]);
    if (near) return { kind: 'namespace-unknown', ...base, hint: `did you mean ${quote(`${near}/${parsed.dnsName}`)}?`, typo: true };
    return { kind: 'namespace-unknown', ...base, hint: serviceNamedLikeNamespace(mesh, parsed) };
  }
  if (hidden.length) return { kind: 'not-visible', ...base, hint: notExportedHint(hidden, configNamespaces) };
  if (parsed.dnsName === '*') return undefined;
  const hint = elsewhereHint(mesh, parsed, configNamespaces);
  if (hint || registryShown(mesh, parsed, external)) return { kind: 'unmatched', ...base, hint };
  return undefined;
}

/** `name.ns.svc.<domain>`, and the short forms `name.ns` / `name.ns.svc` people write for it. */
function looksInCluster(mesh: Mesh, dnsName: string): boolean {
  if (isClusterName(dnsName, mesh.settings.clusterDomain) || dnsName.endsWith('.svc') || kubeShortFormOf(mesh, dnsName)) return true;
  const labels = dnsName.split('.');
  return labels.length === 2 && knownNamespaces(mesh).has(labels[1]!);
}

/** Does the input hold the services this host could have matched, so that "no match" is believable? */
function registryShown(mesh: Mesh, p: ParsedHost, external: boolean): boolean {
  if (p.namespace !== '*') return servicesShownFor(mesh, p.namespace);
  if (external) return mesh.services.some((s) => s.source === 'ServiceEntry');
  // */name.ns.svc.<domain>: the namespace is in the name.
  const implied = /^[^.]+\.([^.]+)\.svc\./.exec(p.dnsName)?.[1];
  return implied !== undefined && implied !== '*' && servicesShownFor(mesh, implied);
}

const quote = (s: string): string => `"${s}"`;

/** The same name declared in another namespace, a Kubernetes short form, or a near spelling. */
function elsewhereHint(mesh: Mesh, p: ParsedHost, configNamespaces: readonly string[]): string | undefined {
  const visible = (s: Service): boolean => configNamespaces.some((c) => isVisible(s, c));
  const sameName = mesh.services.filter((s) => s.hostname === p.dnsName && visible(s));
  if (sameName.length && p.namespace !== '*') {
    const s = sameName[0]!;
    return `${s.hostname} is declared in namespace ${s.namespace}, not ${p.namespace}: write ${quote(`${s.namespace}/${p.dnsName}`)}`;
  }
  // E2: a wildcard ServiceEntry is only imported by the same or a broader wildcard, never by a name under it.
  const wildcard = mesh.services.find((s) => s.hostname.startsWith('*.') && visible(s) && dnsMatches(s.hostname, p.dnsName));
  if (wildcard) {
    const ns = p.namespace === '*' ? '*' : wildcard.namespace;
    return `ServiceEntry ${wildcard.namespace}/${wildcard.name} declares ${wildcard.hostname}, which a specific host does not import: write ${quote(`${ns}/${wildcard.hostname}`)}`;
  }
  const short = kubeShortFormOf(mesh, p.dnsName);
  if (short) return `Sidecar hosts need the full name: write ${quote(`${short.namespace}/${short.hostname}`)}`;
  const domain = mesh.settings.clusterDomain;
  const svcForm = /^([^.]+)\.([^.]+)\.svc\.(.+)$/.exec(p.dnsName);
  if (svcForm && svcForm[3] !== domain) {
    const s = mesh.services.find((x) => x.source === 'Service' && x.name === svcForm[1] && x.namespace === svcForm[2]);
    if (s) return `the cluster domain is ${domain}: write ${quote(`${s.namespace}/${s.hostname}`)}`;
  }
  const pool = mesh.services.filter((s) => visible(s) && (p.namespace === '*' || s.namespace === p.namespace));
  const near = closest(p.dnsName, pool.map((s) => s.hostname));
  if (near) return `did you mean ${quote(`${p.namespace === '*' ? '*' : p.namespace}/${near}`)}?`;
  return undefined;
}

function notExportedHint(hidden: readonly Service[], configNamespaces: readonly string[]): string {
  const s = hidden[0]!;
  const what = s.source === 'Service' ? `Service ${s.namespace}/${s.name}` : `ServiceEntry ${s.namespace}/${s.name}`;
  const field = s.source === 'Service' ? 'its networking.istio.io/exportTo annotation' : 'its spec.exportTo';
  const target = configNamespaces.length === 1 ? quote(configNamespaces[0]!) : quote('*');
  return `${what} is exported to ${s.exportTo.map(quote).join(', ')} → add ${target} to ${field}`;
}

/** "namespace app", or a summary for the mesh-wide default Sidecar. */
export function appliesTo(configNamespaces: readonly string[]): string {
  return configNamespaces.length === 1 ? `namespace ${configNamespaces[0]}` : 'the namespaces this mesh-wide default applies to';
}

/** istio#30798: "bar/*" written to mean the Service bar. */
function serviceNamedLikeNamespace(mesh: Mesh, p: ParsedHost): string | undefined {
  const svc = mesh.services.find((s) => s.source === 'Service' && s.name === p.namespace);
  return svc ? `if you meant Service ${svc.namespace}/${svc.name}, write ${quote(`${svc.namespace}/${svc.hostname}`)}` : undefined;
}

/** "foo/a exposes 80, 8080; foo/b exposes 443; and 2 more": the ports of the services, for port messages. */
export function portsExposedBy(services: readonly Service[], max = 3): string {
  const parts = services.map((s) => `${serviceLabel(s)} exposes ${s.ports.map((p) => p.port).join(', ') || 'no port'}`);
  return `${parts.slice(0, max).join('; ')}${parts.length > max ? `; and ${parts.length - max} more` : ''}`;
}

/** "ns/name" of a service, as users read it. */
export function serviceLabel(s: Service): string {
  return s.source === 'Service' ? `${s.namespace}/${s.name}` : `${s.namespace}/${s.hostname}`;
}
