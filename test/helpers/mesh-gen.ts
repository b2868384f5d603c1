// fast-check generators of small meshes (namespaces, Services, workloads, ServiceEntries, Sidecars) and of damage to them.
import fc from 'fast-check';
import { lint, modelOf, parseInputs } from '../../src/engine.js';
import { buildReachReport } from '../../src/reach/report.js';
import type { ReachReport } from '../../src/reach/types.js';
import { BUILTIN_RULES } from '../../src/registry.js';
import type { Finding } from '../../src/types.js';

export type Obj = Record<string, unknown>;

const NAMESPACES = ['a', 'b', 'c'] as const;
const APPS = ['web', 'api', 'db'] as const;
const PORTS = [80, 443, 8080, 9000] as const;
const PORT_NAMES = ['http', 'http-web', 'tcp', 'grpc', 'https', 'tls', 'mongo'] as const;
const EXTERNAL = ['api.example.com', 'db.example.org', '*.wild.example.com'] as const;

const ns = fc.constantFrom(...NAMESPACES);
const app = fc.constantFrom(...APPS);
const port = fc.constantFrom(...PORTS);

const service = fc.record({ ns, app, port, name: fc.option(fc.constantFrom(...PORT_NAMES), { nil: undefined }), extra: fc.option(port, { nil: undefined }) }).map(
  ({ ns, app, port, name, extra }): Obj => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: `svc-${app}`, namespace: ns },
    spec: {
      selector: { app },
      ports: [{ port, ...(name ? { name } : {}) }, ...(extra && extra !== port ? [{ port: extra, name: `tcp-${extra}` }] : [])],
    },
  }),
);

const workload = fc.record({ ns, app, port, kind: fc.constantFrom('Deployment', 'StatefulSet', 'Pod') }).map(({ ns, app, port, kind }): Obj => {
  const pod = { metadata: { labels: { app } }, spec: { containers: [{ name: app, image: `example/${app}`, ports: [{ containerPort: port }] }] } };
  if (kind === 'Pod') return { apiVersion: 'v1', kind, metadata: { name: `wl-${app}`, namespace: ns, labels: { app } }, spec: pod.spec };
  return { apiVersion: 'apps/v1', kind, metadata: { name: `wl-${app}`, namespace: ns }, spec: { selector: { matchLabels: { app } }, template: pod } };
});

const serviceEntry = fc
  .record({
    ns,
    host: fc.constantFrom(...EXTERNAL),
    port,
    protocol: fc.constantFrom('HTTP', 'HTTPS', 'TLS', 'TCP'),
    resolution: fc.constantFrom('DNS', 'NONE', 'STATIC'),
    location: fc.constantFrom('MESH_EXTERNAL', 'MESH_INTERNAL'),
    exportTo: fc.option(fc.constantFrom(['.'], ['*'], ['a', 'b']), { nil: undefined }),
  })
  .map(({ ns, host, port, protocol, resolution, location, exportTo }): Obj => ({
    apiVersion: 'networking.istio.io/v1',
    kind: 'ServiceEntry',
    metadata: { name: `se-${host.replace(/[^a-z]/g, '')}`, namespace: ns },
    spec: {
      hosts: [host],
      ports: [{ number: port, name: `${protocol.toLowerCase()}-${port}`, protocol }],
      resolution,
      location,
      ...(resolution === 'STATIC' ? { endpoints: [{ address: '10.0.0.9' }] } : {}),
      ...(exportTo ? { exportTo } : {}),
    },
  }));

export const egressHost = fc.constantFrom(
  './*',
  '*/*',
  '~/*',
  'a/*',
  'b/*',
  'istio-system/*',
  './svc-web.a.svc.cluster.local',
  'b/svc-api.b.svc.cluster.local',
  '*/api.example.com',
  '*/*.wild.example.com',
  'c/db.example.org',
);

const listener = fc.record({
  port: fc.option(fc.record({ number: port, protocol: fc.constantFrom('HTTP', 'TCP', 'TLS', 'HTTPS'), name: fc.constant('egress') }), { nil: undefined }),
  hosts: fc.uniqueArray(egressHost, { minLength: 1, maxLength: 3 }),
});

export const sidecar = fc
  .record({
    ns: fc.constantFrom(...NAMESPACES, 'istio-system'),
    select: fc.option(app, { nil: undefined }),
    egress: fc.array(listener, { minLength: 1, maxLength: 2 }),
    mode: fc.option(fc.constantFrom('ALLOW_ANY', 'REGISTRY_ONLY'), { nil: undefined }),
    id: fc.nat(3),
  })
  .map(({ ns, select, egress, mode, id }): Obj => ({
    apiVersion: 'networking.istio.io/v1',
    kind: 'Sidecar',
    metadata: { name: `sc-${id}${select ? `-${select}` : ''}`, namespace: ns },
    spec: {
      ...(select ? { workloadSelector: { labels: { app: select } } } : {}),
      egress: egress.map((l) => ({ ...(l.port ? { port: l.port } : {}), hosts: l.hosts })),
      ...(mode ? { outboundTrafficPolicy: { mode } } : {}),
    },
  }));

const meshConfigMap = fc.constantFrom('ALLOW_ANY', 'REGISTRY_ONLY').map(
  (mode): Obj => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'istio', namespace: 'istio-system' },
    data: { mesh: `outboundTrafficPolicy:\n  mode: ${mode}\n` },
  }),
);

export interface MeshInput {
  readonly base: Obj[];
  readonly sidecars: Obj[];
  readonly mesh?: Obj;
}

/** A small mesh; `withSidecars: false` gives one without any Sidecar. */
export function meshInput(withSidecars = true): fc.Arbitrary<MeshInput> {
  return fc.record({
    base: fc.tuple(fc.array(service, { minLength: 1, maxLength: 4 }), fc.array(workload, { minLength: 1, maxLength: 3 }), fc.array(serviceEntry, { maxLength: 2 })).map(([s, w, e]) => [...s, ...w, ...e]),
    sidecars: withSidecars ? fc.array(sidecar, { maxLength: 3 }) : fc.constant([]),
    mesh: fc.option(meshConfigMap, { nil: undefined }),
  });
}

export const allOf = (m: MeshInput): Obj[] => [...m.base, ...m.sidecars, ...(m.mesh ? [m.mesh] : [])];

/** Manifests as multi-document text (JSON documents are YAML too), split over files. */
export function toFiles(objs: readonly Obj[], perFile = 3): { path: string; text: string }[] {
  const files: { path: string; text: string }[] = [];
  for (let i = 0; i < objs.length; i += perFile) {
    files.push({ path: `m${String(files.length).padStart(2, '0')}.yaml`, text: objs.slice(i, i + perFile).map((o) => JSON.stringify(o, null, 2)).join('\n---\n') + '\n' });
  }
  return files;
}

const OPTIONS = { rules: BUILTIN_RULES, ruleSettings: {}, defaultNamespace: 'default', assumeInjected: true, meshLayers: [] } as const;

/** The whole pipeline on texts: parse → model → every registered rule → reachability report. */
export function pipeline(files: readonly { path: string; text: string }[]): { findings: readonly Finding[]; report: ReachReport } {
  const parsed = parseInputs(files, 'default');
  const result = lint(parsed, OPTIONS);
  return { findings: result.findings, report: buildReachReport(result.mesh) };
}

export function reportOf(objs: readonly Obj[]): ReachReport {
  return buildReachReport(modelOf(parseInputs(toFiles(objs), 'default'), OPTIONS).mesh);
}

export function verdicts(report: ReachReport): Map<string, string> {
  return new Map(report.pairs.map((p) => [`${p.from} → ${p.to}`, p.verdict]));
}

// ——— damage ———

type Path = (string | number)[];

function pathsOf(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) pathsOf(x, [...at, k], out);
  return out;
}

const garbage = fc.oneof(
  fc.constantFrom(null, [], {}, '', 'x', -1, 0, 1.5, 70000, true, '80', 'http', '*/*', ['a', 1], { a: [] }),
  fc.jsonValue({ maxDepth: 2 }),
);

export type Mutation = { readonly op: 'delete' | 'replace' | 'wrap'; readonly pick: number; readonly value: unknown };
export const mutation: fc.Arbitrary<Mutation> = fc.record({ op: fc.constantFrom('delete', 'replace', 'wrap'), pick: fc.nat(), value: garbage });

/** Applies mutations to a deep copy: delete a key or item, swap a value for garbage, or wrap it in a list. */
export function mutate(obj: Obj, ms: readonly Mutation[]): unknown {
  let root: unknown = structuredClone(obj);
  for (const m of ms) {
    const paths = pathsOf(root);
    const path = paths[m.pick % paths.length]!;
    if (path.length === 0) {
      root = m.op === 'wrap' ? [root] : m.op === 'replace' ? m.value : null;
      continue;
    }
    const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], root) as Record<string | number, unknown>;
    const key = path[path.length - 1]!;
    if (m.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else {
      parent[key] = m.op === 'wrap' ? [parent[key]] : m.value;
    }
  }
  return root;
}

const GARBAGE_TEXT = [':', '-', ' ', '\n', '\t', '[', ']', '{', '}', '"', "'", '&a ', '*a', '<<: ', '# ', '!!js/function ', '---\n', '? ', '|', '%', '\ufeff', '\r\n', 'x', '0'];
export const textDamage = fc.array(fc.record({ at: fc.nat(), cut: fc.nat(20), insert: fc.array(fc.constantFrom(...GARBAGE_TEXT), { maxLength: 6 }) }), { minLength: 1, maxLength: 4 });

export function damageText(text: string, edits: readonly { at: number; cut: number; insert: string[] }[]): string {
  let t = text;
  for (const e of edits) {
    const at = t.length ? e.at % t.length : 0;
    t = t.slice(0, at) + e.insert.join('') + t.slice(at + e.cut);
  }
  return t;
}
