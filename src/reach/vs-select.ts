// Which route of a VirtualService a request takes (M1): the first whose match list is empty or has a match that a
// plain `curl http://host:port/` (or a TCP/TLS connection) from this proxy satisfies.
import { selectorMatches } from '../model/labels.js';
import type { Labels, VirtualService } from '../model/types.js';
import { routesOf, type RouteMatch, type StringMatch, type VsRoute } from '../model/vs-routes.js';

export interface RouteRequest {
  readonly section: 'http' | 'tcp' | 'tls';
  readonly port: number;
  readonly namespace: string;
  readonly labels?: Labels;
  /** HTTP Host header (port stripped). */
  readonly authority?: string;
  readonly sni?: string;
  /** Request path; undefined matches any uri condition (the pair matrix asks about reachability, not paths). */
  readonly path?: string;
}

function stringMatches(m: StringMatch | undefined, value: string): boolean {
  if (!m) return true;
  if (m.exact !== undefined) return m.exact === value;
  if (m.prefix !== undefined) return value.startsWith(m.prefix);
  if (m.regex !== undefined) {
    try {
      return new RegExp(`^(?:${m.regex})$`).test(value);
    } catch {
      return false;
    }
  }
  return true;
}

function sniMatches(pattern: string, sni: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*.')) return sni.endsWith(pattern.slice(1));
  return pattern === sni;
}

export function matchApplies(m: RouteMatch, req: RouteRequest): boolean {
  if (m.gateways.length && !m.gateways.includes('mesh')) return false;
  if (m.port !== undefined && m.port !== req.port) return false;
  if (m.sourceNamespace !== undefined && m.sourceNamespace !== req.namespace) return false;
  if (m.sourceLabels && !(req.labels && selectorMatches(m.sourceLabels, req.labels))) return false;
  if (req.section === 'http') {
    if (m.needsHeadersOrQuery) return false;
    return (req.path === undefined || stringMatches(m.uri, req.path)) && stringMatches(m.method, 'GET') && stringMatches(m.scheme, 'http') && stringMatches(m.authority, req.authority ?? '');
  }
  if (req.section === 'tls' && m.sniHosts.length && !m.sniHosts.some((h) => sniMatches(h, req.sni ?? ''))) return false;
  // destinationSubnets are runtime matches on the dialled IP; a VIP-bound listener already fixes it.
  return true;
}

/** The route the request takes, or undefined when no route of that section matches (Envoy then 404s for HTTP). */
export function selectRoute(vs: VirtualService, req: RouteRequest): VsRoute | undefined {
  for (const r of routesOf(vs)) {
    if (r.section !== req.section) continue;
    if (!r.matches.length || r.matches.some((m) => matchApplies(m, req))) return r;
  }
  return undefined;
}

export function hasSection(vs: VirtualService, section: 'http' | 'tcp' | 'tls'): boolean {
  return routesOf(vs).some((r) => r.section === section);
}

/** A signature of which sourceLabels-constrained matches select these labels (part of the scope key). */
export function vsRouteApplies(vs: VirtualService, labels: Labels): string {
  let sig = '';
  for (const r of routesOf(vs)) for (const m of r.matches) if (m.sourceLabels) sig += selectorMatches(m.sourceLabels, labels) ? '1' : '0';
  return sig;
}

/** The destination a route sends most traffic to (highest weight, first on ties). */
export function mainDestination(r: VsRoute) {
  let best = r.destinations[0];
  for (const d of r.destinations) if ((d.weight ?? 0) > (best?.weight ?? 0)) best = d;
  return best;
}
