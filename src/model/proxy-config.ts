// Per-pod proxy settings: the proxy.istio.io/config annotation (a ProxyConfig in YAML) over the mesh's defaultConfig.
import { asObject, asStringMap } from '../json.js';
import { parseYaml } from '../loader/parse.js';
import type { Mesh, Workload } from './types.js';

const ANNOTATION = 'proxy.istio.io/config';
const cache = new WeakMap<Workload, Readonly<Record<string, string>>>();

/** proxyMetadata of the pod: the annotation's entries override the mesh defaultConfig's. */
export function proxyMetadataOf(w: Workload, mesh: Mesh): Readonly<Record<string, string>> {
  let own = cache.get(w);
  if (!own) {
    const text = w.podAnnotations[ANNOTATION];
    const doc = text ? asObject(parseYaml(`${w.id} (${ANNOTATION})`, text).documents[0]) : undefined;
    own = asStringMap(asObject(doc?.proxyMetadata));
    cache.set(w, own);
  }
  return { ...(mesh.settings.defaultProxyMetadata ?? {}), ...own };
}

/**
 * ISTIO_META_DNS_CAPTURE: Istio's DNS proxy answers for ServiceEntry hosts, and (with auto-allocation, on by default
 * since 1.25) ServiceEntries without addresses get an allocated VIP that their TCP listeners bind to (L3).
 */
export function hasDnsCapture(w: Workload, mesh: Mesh): boolean {
  return proxyMetadataOf(w, mesh).ISTIO_META_DNS_CAPTURE === 'true';
}
