// Mesh-wide settings, layered: --mesh-config, then the config file, then the input itself, then Istio's defaults.
import { asArray, asObject, asString, asStringMap, type JsonObject } from '../json.js';
import type { MeshSettings, OutboundMode } from './types.js';

export interface MeshConfigLayer {
  /** Shown in the report, e.g. "--mesh-config mesh.yaml" or "ConfigMap istio-system/istio". */
  readonly origin: string;
  /** A MeshConfig object (the `mesh` data of the istio ConfigMap, or IstioOperator spec.meshConfig). */
  readonly config: JsonObject;
}

export const ISTIO_DEFAULTS = {
  outboundMode: 'ALLOW_ANY' as OutboundMode,
  rootNamespace: 'istio-system',
  defaultServiceExportTo: ['*'],
  clusterDomain: 'cluster.local',
};

/** The first layer that sets a value wins; layers are given in priority order. */
export function resolveMeshSettings(layers: readonly MeshConfigLayer[]): MeshSettings {
  const origins: string[] = [];
  const pick = <T>(label: string, read: (c: JsonObject) => T | undefined, fallback: T, show: (v: T) => string): T => {
    for (const layer of layers) {
      const v = read(layer.config);
      if (v !== undefined) {
        origins.push(`${label}: ${show(v)} (from ${layer.origin})`);
        return v;
      }
    }
    origins.push(`${label}: ${show(fallback)} (Istio default)`);
    return fallback;
  };
  const outboundMode = pick('outboundTrafficPolicy.mode', readMode, ISTIO_DEFAULTS.outboundMode, String);
  const rootNamespace = pick('rootNamespace', (c) => asString(c.rootNamespace) || undefined, ISTIO_DEFAULTS.rootNamespace, String);
  const defaultServiceExportTo = pick(
    'defaultServiceExportTo',
    (c) => {
      const list = asArray(c.defaultServiceExportTo).filter((x): x is string => typeof x === 'string');
      return list.length ? list : undefined;
    },
    ISTIO_DEFAULTS.defaultServiceExportTo,
    (v) => JSON.stringify(v),
  );
  const clusterDomain = pick(
    'clusterDomain',
    (c) => asString(c.clusterDomain) ?? asString(asObject(c.values)?.clusterDomain) ?? undefined,
    ISTIO_DEFAULTS.clusterDomain,
    String,
  );
  const withMetadata = layers.find((l) => asObject(asObject(l.config.defaultConfig)?.proxyMetadata));
  const defaultProxyMetadata = withMetadata ? asStringMap(asObject(withMetadata.config.defaultConfig)?.proxyMetadata) : undefined;
  if (withMetadata) origins.push(`defaultConfig.proxyMetadata: ${JSON.stringify(defaultProxyMetadata)} (from ${withMetadata.origin})`);
  return { outboundMode, rootNamespace, defaultServiceExportTo, clusterDomain, origins, ...(defaultProxyMetadata ? { defaultProxyMetadata } : {}) };
}

function readMode(c: JsonObject): OutboundMode | undefined {
  const policy = asObject(c.outboundTrafficPolicy);
  if (!policy) return undefined;
  const mode = asString(policy.mode);
  // In MeshConfig an absent mode is the enum zero value... which for MeshConfig is REGISTRY_ONLY too,
  // but Istio's DefaultMeshConfig fills ALLOW_ANY before user values are merged, so absent means unchanged.
  if (mode === 'REGISTRY_ONLY' || mode === 'ALLOW_ANY') return mode;
  return undefined;
}
