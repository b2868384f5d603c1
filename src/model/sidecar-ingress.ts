// Sidecar ingress listeners, read defensively from the manifest (istio-semantics.md O1); shapes are the schema's job.
import { asArray, asInt, asObject, asString, type JsonObject, type JsonPath } from '../json.js';
import type { Sidecar } from './types.js';

export interface IngressListener {
  readonly index: number;
  readonly port?: { readonly number?: number; readonly protocol?: string; readonly name?: string };
  readonly bind?: string;
  readonly defaultEndpoint?: string;
  readonly value: JsonObject;
  readonly path: JsonPath;
}

export function ingressListenersOf(s: Sidecar): IngressListener[] {
  const spec = asObject(s.manifest.value.spec);
  return asArray(spec?.ingress).flatMap((v, index): IngressListener[] => {
    const o = asObject(v);
    if (!o) return [];
    const p = asObject(o.port);
    return [
      {
        index,
        port: p ? { number: asInt(p.number), protocol: asString(p.protocol), name: asString(p.name) } : undefined,
        bind: asString(o.bind),
        defaultEndpoint: asString(o.defaultEndpoint),
        value: o,
        path: ['spec', 'ingress', index],
      },
    ];
  });
}

/** The port of a defaultEndpoint such as "127.0.0.1:8080", "[::1]:8080" or ":8080"; undefined for unix:// or junk. */
export function defaultEndpointPort(endpoint: string): number | undefined {
  if (endpoint.startsWith('unix://')) return undefined;
  const m = /^(?:\[[^\]]*\]|[^:[\]]*):(\d+)$/.exec(endpoint);
  return m ? Number(m[1]) : undefined;
}
