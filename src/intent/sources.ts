// Where a workload writes the addresses it calls: its containers' env values, args and command, and the ConfigMaps
// it reads (envFrom, configMapKeyRef, mounted configMap volumes, also inside projected volumes).
import { asArray, asObject, asString, type JsonObject, type JsonPath } from '../json.js';
import type { Mesh, Workload } from '../model/types.js';

/** env: an environment value (a bare service name may be the whole value); arg/command: a process argument; file: a mounted file. */
export type Origin = 'env' | 'arg' | 'command' | 'file';

export interface Written {
  readonly value: string;
  readonly origin: Origin;
  /** The variable's name, for environment values. */
  readonly name?: string;
  /** Path on the workload's manifest. */
  readonly path: JsonPath;
}

/** A ConfigMap the workload reads: which keys (undefined: all) and whether as environment or as files. */
export interface ConfigMapUse {
  readonly workload: Workload;
  readonly keys?: ReadonlySet<string>;
  readonly origin: 'env' | 'file';
  /**
   * Read whole by more than one workload: an address book (Bank of Anthos' service-api-config) from which each
   * reader calls only some entries, and nothing says which.
   */
  readonly shared: boolean;
}

// The proxy's own container and init containers (which run before the proxy is ready) make no calls that the
// Sidecar decides.
const PROXY = 'istio-proxy';

export function podSpecPath(w: Workload): JsonPath {
  return [...w.podMetadataPath.slice(0, -1), 'spec'];
}

function at(value: JsonObject, path: JsonPath): unknown {
  let v: unknown = value;
  for (const seg of path) v = Array.isArray(v) ? v[seg as number] : asObject(v)?.[seg];
  return v;
}

/** at(value, podSpecPath(w)), without building the path. */
function podSpecOf(w: Workload): JsonObject | undefined {
  const meta = w.podMetadataPath;
  let v: unknown = w.manifest.value;
  for (let i = 0; i < meta.length - 1; i++) v = Array.isArray(v) ? v[meta[i] as number] : asObject(v)?.[meta[i]!];
  return asObject(asObject(v)?.spec);
}

// Runs for every workload of the input, most of which write no address: plain loops, and paths are only built for
// what is found.
function containersOf(w: Workload): { c: JsonObject; index: number }[] {
  const containers = asArray(podSpecOf(w)?.containers);
  const out: { c: JsonObject; index: number }[] = [];
  for (let i = 0; i < containers.length; i++) {
    const o = asObject(containers[i]);
    if (o && asString(o.name) !== PROXY) out.push({ c: o, index: i });
  }
  return out;
}

const FIELDS = ['command', 'args'] as const;

export function writtenIn(w: Workload): Written[] {
  const out: Written[] = [];
  for (const { c, index } of containersOf(w)) {
    const path = (): JsonPath => [...podSpecPath(w), 'containers', index];
    const env = asArray(c.env);
    for (let i = 0; i < env.length; i++) {
      const e = asObject(env[i]);
      const value = asString(e?.value);
      const name = asString(e?.name);
      if (value) out.push({ value, origin: 'env', path: [...path(), 'env', i, 'value'], ...(name ? { name } : {}) });
    }
    for (const field of FIELDS) {
      const list = asArray(c[field]);
      for (let i = 0; i < list.length; i++) {
        const a = list[i];
        if (typeof a === 'string' && a) out.push({ value: a, origin: field === 'args' ? 'arg' : 'command', path: [...path(), field, i] });
      }
    }
  }
  return out;
}

type Use = Omit<ConfigMapUse, 'shared'>;

function configMapUses(w: Workload): { name: string; use: Use }[] {
  const out: { name: string; use: Use }[] = [];
  const add = (name: string | undefined, origin: 'env' | 'file', keys?: string[]): void => {
    if (name) out.push({ name, use: { workload: w, origin, ...(keys ? { keys: new Set(keys) } : {}) } });
  };
  const mounted = new Set<string>();
  for (const { c } of containersOf(w)) {
    for (const e of asArray(c.env)) {
      const ref = asObject(asObject(asObject(e)?.valueFrom)?.configMapKeyRef);
      const key = asString(ref?.key);
      if (key) add(asString(ref?.name), 'env', [key]);
    }
    for (const e of asArray(c.envFrom)) add(asString(asObject(asObject(e)?.configMapRef)?.name), 'env');
    for (const m of asArray(c.volumeMounts)) {
      const name = asString(asObject(m)?.name);
      if (name) mounted.add(name);
    }
  }
  const keysOf = (cm: JsonObject | undefined): string[] | undefined => {
    const items = asArray(cm?.items).map((i) => asString(asObject(i)?.key)).filter((k): k is string => !!k);
    return items.length ? items : undefined;
  };
  for (const v of asArray(asObject(at(w.manifest.value, podSpecPath(w)))?.volumes)) {
    const vol = asObject(v);
    if (!vol || !mounted.has(asString(vol.name) ?? '')) continue;
    const cm = asObject(vol.configMap);
    if (cm) add(asString(cm.name), 'file', keysOf(cm));
    for (const s of asArray(asObject(vol.projected)?.sources)) {
      const p = asObject(asObject(s)?.configMap);
      if (p) add(asString(p.name), 'file', keysOf(p));
    }
  }
  return out;
}

const uses = new WeakMap<Mesh, ReadonlyMap<string, readonly ConfigMapUse[]>>();

/** The workloads that read ConfigMap namespace/name, computed once per mesh. */
export function usesOfConfigMap(mesh: Mesh, namespace: string, name: string): readonly ConfigMapUse[] {
  let index = uses.get(mesh);
  if (!index) {
    const m = new Map<string, Use[]>();
    for (const w of mesh.workloads) {
      for (const { name: cm, use } of configMapUses(w)) {
        const key = `${w.namespace}/${cm}`;
        const list = m.get(key);
        if (list) list.push(use);
        else m.set(key, [use]);
      }
    }
    const all = new Map<string, ConfigMapUse[]>();
    for (const [key, list] of m) {
      const whole = new Set(list.filter((u) => !u.keys).map((u) => u.workload));
      all.set(key, list.map((u) => ({ ...u, shared: !u.keys && whole.size > 1 })));
    }
    uses.set(mesh, (index = all));
  }
  return index.get(`${namespace}/${name}`) ?? [];
}
