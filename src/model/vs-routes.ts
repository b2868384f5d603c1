// The routes of a VirtualService, as facts: what each http/tcp/tls route matches and where it sends traffic.
// Read lazily from the manifest (most rules never need them) and cached per VirtualService.
import { asArray, asInt, asObject, asString, asStringMap, type JsonObject, type JsonPath } from '../json.js';
import type { Labels, VirtualService } from './types.js';

export interface RouteDestination {
  readonly host: string;
  readonly port?: number;
  readonly subset?: string;
  /** Percentage weight; undefined when unset (a single destination takes everything). */
  readonly weight?: number;
}

/** One entry of an http[].match[], tcp[].match[] or tls[].match[] list. */
export interface RouteMatch {
  readonly port?: number;
  readonly sourceLabels?: Labels;
  readonly sourceNamespace?: string;
  readonly gateways: readonly string[];
  /** uri / method / authority / scheme conditions: { exact | prefix | regex }. */
  readonly uri?: StringMatch;
  readonly method?: StringMatch;
  readonly authority?: StringMatch;
  readonly scheme?: StringMatch;
  /** Header or query-parameter conditions a plain `curl http://host/` does not satisfy. */
  readonly needsHeadersOrQuery: boolean;
  readonly sniHosts: readonly string[];
  readonly destinationSubnets: readonly string[];
}

export interface StringMatch {
  readonly exact?: string;
  readonly prefix?: string;
  readonly regex?: string;
}

export interface VsRoute {
  readonly section: 'http' | 'tcp' | 'tls';
  readonly index: number;
  readonly name?: string;
  /** Empty: the route matches everything. */
  readonly matches: readonly RouteMatch[];
  readonly destinations: readonly RouteDestination[];
  /** http only: Envoy answers itself (directResponse status, or a redirect's 301). */
  readonly directStatus?: number;
  readonly path: JsonPath;
}

const cache = new WeakMap<VirtualService, readonly VsRoute[]>();

/** Every route of the VirtualService in document order: http first, then tcp, then tls. */
export function routesOf(vs: VirtualService): readonly VsRoute[] {
  let routes = cache.get(vs);
  if (!routes) cache.set(vs, (routes = Object.freeze(readRoutes(asObject(vs.manifest.value.spec)))));
  return routes;
}

function readRoutes(spec: JsonObject | undefined): VsRoute[] {
  const out: VsRoute[] = [];
  for (const section of ['http', 'tcp', 'tls'] as const) {
    asArray(spec?.[section]).forEach((r, index) => {
      const o = asObject(r);
      if (!o) return;
      const redirect = asObject(o.redirect);
      const direct = asObject(o.directResponse);
      out.push({
        section,
        index,
        name: asString(o.name),
        matches: asArray(o.match).flatMap((m) => (asObject(m) ? [readMatch(asObject(m)!)] : [])),
        destinations: asArray(o.route).flatMap((d): RouteDestination[] => {
          const dest = asObject(asObject(d)?.destination);
          const host = asString(dest?.host);
          if (!host) return [];
          return [{ host, port: asInt(asObject(dest?.port)?.number), subset: asString(dest?.subset), weight: asInt(asObject(d)?.weight) }];
        }),
        directStatus: direct ? (asInt(direct.status) ?? 200) : redirect ? (asInt(redirect.redirectCode) ?? 301) : undefined,
        path: ['spec', section, index],
      });
    });
  }
  return out;
}

function readMatch(m: JsonObject): RouteMatch {
  const labels = asObject(m.sourceLabels);
  const str = (v: unknown): StringMatch | undefined => {
    const o = asObject(v);
    return o ? { exact: asString(o.exact), prefix: asString(o.prefix), regex: asString(o.regex) } : undefined;
  };
  return {
    port: asInt(m.port),
    sourceLabels: labels ? asStringMap(labels) : undefined,
    sourceNamespace: asString(m.sourceNamespace),
    gateways: asArray(m.gateways).filter((g): g is string => typeof g === 'string'),
    uri: str(m.uri),
    method: str(m.method),
    authority: str(m.authority),
    scheme: str(m.scheme),
    needsHeadersOrQuery: Object.keys(asObject(m.headers) ?? {}).length > 0 || Object.keys(asObject(m.queryParams) ?? {}).length > 0,
    sniHosts: asArray(m.sniHosts).filter((h): h is string => typeof h === 'string'),
    destinationSubnets: asArray(m.destinationSubnets).filter((h): h is string => typeof h === 'string'),
  };
}
