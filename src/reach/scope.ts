// Which Sidecar shapes a workload's outbound config (B1–B5), with what policy (C1, C2), and what its iptables capture
// (step 1.10). Workloads with the same ScopeChoice share every verdict, so the key is all that matters.
import { meshModeOrigin } from '../model/egress.js';
import { formatLabels } from '../model/labels.js';
import { hasDnsCapture } from '../model/proxy-config.js';
import { sidecarCandidates, type ScopeLevel } from '../model/sidecar-scope.js';
import type { Mesh, OutboundMode, Sidecar, Workload } from '../model/types.js';
import { cidrContains, parseCidr, type Cidr, type Dest } from './addresses.js';
import { vsRouteApplies } from './vs-select.js';
import { registryOf } from './registry.js';

export interface Capture {
  /** Ports excluded by traffic.sidecar.istio.io/excludeOutboundPorts. */
  readonly excludedPorts: ReadonlySet<number>;
  /** excludeOutboundIPRanges: destinations in these CIDRs are never redirected. */
  readonly excludedRanges: readonly Cidr[];
  /** includeOutboundIPRanges when it is not "*": only these CIDRs are redirected (undefined: every address). */
  readonly includedRanges?: readonly Cidr[];
  /** includeOutboundPorts: redirected whatever the address, once the exclusions are passed. */
  readonly includedPorts: ReadonlySet<number>;
  /** Why nothing is captured at all (interceptionMode NONE, includeOutboundIPRanges ""), if so. */
  readonly none?: string;
}

export interface ScopeChoice {
  readonly key: string;
  /** The proxy's namespace: "." in hosts, visibility and short domains are relative to it. */
  readonly namespace: string;
  /** The mesh's cluster domain (for short Host forms). */
  readonly domain: string;
  readonly sidecar?: Sidecar;
  readonly level: ScopeLevel | 'default';
  /** Other Sidecars at the winning level that also apply: Istio calls this undefined and picks the oldest. */
  readonly competing: readonly Sidecar[];
  readonly mode: OutboundMode;
  readonly modeOrigin: string;
  readonly capture: Capture;
  /** ISTIO_META_DNS_CAPTURE: ServiceEntry hosts resolve through Istio's DNS proxy to (auto-allocated) VIPs. */
  readonly dnsCapture: boolean;
  /** The workload's labels, when a VirtualService route matches on sourceLabels (else routes never differ). */
  readonly sourceLabels?: Readonly<Record<string, string>>;
}

export function chooseScope(mesh: Mesh, w: Workload): ScopeChoice {
  const candidates = sidecarCandidates(w, mesh);
  const winner = candidates[0];
  const competing = winner ? candidates.slice(1).filter((c) => c.level === winner.level).map((c) => c.sidecar) : [];
  const sidecar = winner?.sidecar;
  const mode = sidecar?.outboundMode ?? mesh.settings.outboundMode;
  const modeOrigin = sidecar?.outboundMode ? 'set by the Sidecar' : meshModeOrigin(mesh);
  const capture = captureOf(w);
  const labelSig = sourceLabelSignature(mesh, w);
  const dnsCapture = hasDnsCapture(w, mesh);
  const key = [
    sidecar?.id ?? '-',
    w.namespace,
    competing.map((s) => s.id).join(','),
    capture.none ?? '',
    [...capture.excludedPorts].join(','),
    captureRangesKey(capture),
    labelSig,
    dnsCapture ? 'dns' : '',
  ].join('\u0000');
  return {
    key,
    namespace: w.namespace,
    domain: mesh.settings.clusterDomain,
    ...(sidecar ? { sidecar } : {}),
    level: winner?.level ?? 'default',
    competing,
    mode,
    modeOrigin,
    capture,
    dnsCapture,
    ...(labelSig ? { sourceLabels: w.podLabels } : {}),
  };
}

const EXCLUDE_PORTS = 'traffic.sidecar.istio.io/excludeOutboundPorts';
const INCLUDE_PORTS = 'traffic.sidecar.istio.io/includeOutboundPorts';
const EXCLUDE_RANGES = 'traffic.sidecar.istio.io/excludeOutboundIPRanges';
const INCLUDE_RANGES = 'traffic.sidecar.istio.io/includeOutboundIPRanges';
const INTERCEPTION = 'sidecar.istio.io/interceptionMode';

function portsOf(text: string | undefined): Set<number> {
  const out = new Set<number>();
  for (const p of (text ?? '').split(',')) {
    const n = Number(p.trim());
    if (p.trim() && Number.isInteger(n)) out.add(n);
  }
  return out;
}

/** istio-iptables skips entries that are not CIDRs; a bare IP is read as /32 here. */
function rangesOf(text: string): Cidr[] {
  return text
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean)
    .flatMap((r) => parseCidr(r.includes('/') ? r : `${r}/32`) ?? []);
}

function captureOf(w: Workload): Capture {
  const a = w.podAnnotations;
  const excludedPorts = portsOf(a[EXCLUDE_PORTS]);
  const includedPorts = portsOf(a[INCLUDE_PORTS]);
  const include = a[INCLUDE_RANGES];
  const includedRanges = include === undefined || include.split(',').some((r) => r.trim() === '*') ? undefined : rangesOf(include);
  let none: string | undefined;
  if (a[INTERCEPTION] === 'NONE') none = `${INTERCEPTION}: NONE installs no iptables redirect`;
  else if (include !== undefined && include.trim() === '' && !includedPorts.size) none = `${INCLUDE_RANGES}: "" captures no outbound address`;
  return { excludedPorts, excludedRanges: rangesOf(a[EXCLUDE_RANGES] ?? ''), ...(includedRanges ? { includedRanges } : {}), includedPorts, ...(none ? { none } : {}) };
}

function captureRangesKey(c: Capture): string {
  return `${c.excludedRanges.map((x) => x.text).join(',')}|${c.includedRanges ? c.includedRanges.map((x) => x.text).join(',') : '*'}|${[...c.includedPorts].join(',')}`;
}

/**
 * Step 1.10 by address, in istio-iptables' order after the excluded ports: excluded CIDRs return, included ports
 * redirect, then only included CIDRs redirect. Stand-in addresses (no literal IP in the input) count as captured.
 */
export function rangeBypass(cap: Capture, dest: Dest, port: number): string | undefined {
  if (dest.ip === undefined && !dest.fromCidr) return undefined;
  const excluded = cap.excludedRanges.find((c) => cidrContains(c, dest));
  if (excluded) return `${dest.addr} is in ${excluded.text} of ${EXCLUDE_RANGES}`;
  if (!cap.includedRanges || cap.includedPorts.has(port) || cap.includedRanges.some((c) => cidrContains(c, dest))) return undefined;
  return `${dest.addr} is outside ${INCLUDE_RANGES} "${cap.includedRanges.map((c) => c.text).join(',')}"`;
}

/** Which sourceLabels-matching routes select this workload: "" when no route in the mesh uses sourceLabels. */
function sourceLabelSignature(mesh: Mesh, w: Workload): string {
  let sig = '';
  for (const q of registryOf(mesh).virtualServices) {
    const s = vsRouteApplies(q.vs, w.podLabels);
    if (s) sig += s + ';';
  }
  return sig;
}

/** "Sidecar default/a (workloadSelector app=x)", "namespace-wide Sidecar foo/default", "no Sidecar (implicit …)". */
export function describeChoice(c: ScopeChoice): string {
  const s = c.sidecar;
  let text: string;
  if (!s) text = 'no Sidecar applies (implicit default: egress "*/*")';
  else if (c.level === 'selector') text = `Sidecar ${s.id} (workloadSelector ${s.selector && Object.keys(s.selector).length ? formatLabels(s.selector) : '{} matches every pod'})`;
  else if (c.level === 'namespace') text = `namespace-wide Sidecar ${s.id}`;
  else text = `root-namespace Sidecar ${s.id} ("." = ${c.namespace})`;
  if (c.competing.length) {
    const others = c.competing.map((x) => x.id).join(', ');
    text += ` — ambiguous: ${others} also appl${c.competing.length > 1 ? 'y' : 'ies'}; Istio uses the oldest (creationTimestamp, then name)`;
  }
  return text;
}
