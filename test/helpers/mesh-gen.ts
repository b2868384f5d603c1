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

// With `consistent`, a port number always carries one protocol (80 and 8080 HTTP, 443 TLS, 9000 TCP) in
// Services, ServiceEntries and Sidecar egress ports alike, so listeners of different protocols never collide.
const CANONICAL: Readonly<Record<number, { name: string; protocol: string }>> = {
  80: { name: 'http', protocol: 'HTTP' },
  443: { name: 'https', protocol: 'TLS' },
  8080: { name: 'http-web', protocol: 'HTTP' },
  9000: { name: 'tcp', protocol: 'TCP' },
};

const service = (consistent: boolean) =>
  fc.record({ ns, app, port, name: fc.option(fc.constantFrom(...PORT_NAMES), { nil: undefined }), extra: fc.option(port, { nil: undefined }) }).map(
    ({ ns, app, port, name, extra }): Obj => {
      const named = (p: number, n: string | undefined) => ({ port: p, ...(consistent ? { name: CANONICAL[p]!.name } : n ? { name: n } : {}) });
      return {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: `svc-${app}`, namespace: ns },
        spec: { selector: { app }, ports: [named(port, name), ...(extra && extra !== port ? [named(extra, `tcp-${extra}`)] : [])] },
      };
    },
  );

const workload = fc.record({ ns, app, port, kind: fc.constantFrom('Deployment', 'StatefulSet', 'Pod') }).map(({ ns, app, port, kind }): Obj => {
  const pod = { metadata: { labels: { app } }, spec: { containers: [{ name: app, image: `example/${app}`, ports: [{ containerPort: port }] }] } };
  if (kind === 'Pod') return { apiVersion: 'v1', kind, metadata: { name: `wl-${app}`, namespace: ns, labels: { app } }, spec: pod.spec };
  return { apiVersion: 'apps/v1', kind, metadata: { name: `wl-${app}`, namespace: ns }, spec: { selector: { matchLabels: { app } }, template: pod } };
});

const serviceEntry = (consistent: boolean) =>
  fc
  .record({
    ns,
    host: fc.constantFrom(...EXTERNAL),
    port,
    protocol: fc.constantFrom('HTTP', 'HTTPS', 'TLS', 'TCP'),
    resolution: fc.constantFrom('DNS', 'NONE', 'STATIC'),
    location: fc.constantFrom('MESH_EXTERNAL', 'MESH_INTERNAL'),
    exportTo: fc.option(fc.constantFrom(['.'], ['*'], ['a', 'b']), { nil: undefined }),
  })
  .map((r) => (consistent ? { ...r, protocol: CANONICAL[r.port]!.protocol } : r))
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

const listener = (consistent: boolean) =>
  fc
    .record({
      port: fc.option(fc.record({ number: port, protocol: fc.constantFrom('HTTP', 'TCP', 'TLS', 'HTTPS'), name: fc.constant('egress') }), { nil: undefined }),
      hosts: fc.uniqueArray(egressHost, { minLength: 1, maxLength: 3 }),
    })
    .map((l) => (consistent && l.port ? { ...l, port: { ...l.port, protocol: CANONICAL[l.port.number]!.protocol } } : l));

export const sidecar = (consistent = false) =>
  fc
    .record({
      ns: fc.constantFrom(...NAMESPACES, 'istio-system'),
      select: fc.option(app, { nil: undefined }),
      egress: fc.array(listener(consistent), { minLength: 1, maxLength: 2 }),
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

const identity = (o: Obj): string => {
  const md = o.metadata as { name?: string; namespace?: string };
  return `${String(o.kind)}/${md.namespace}/${md.name}`;
};

/** One object per kind/namespace/name: two objects with one identity are one object applied twice, not a mesh. */
const unique = (objs: Obj[]): Obj[] => [...new Map(objs.map((o) => [identity(o), o] as const)).values()];

/** Every Service gets a workload its selector matches, so that no verdict is a 503 for want of endpoints. */
function withEndpoints(objs: Obj[]): Obj[] {
  const extra: Obj[] = [];
  for (const o of objs) {
    if (o.kind !== 'Service') continue;
    const md = o.metadata as { namespace: string };
    const app = ((o.spec as Obj).selector as { app: string }).app;
    extra.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: `wl-${app}`, namespace: md.namespace },
      spec: { selector: { matchLabels: { app } }, template: { metadata: { labels: { app } }, spec: { containers: [{ name: app, image: `example/${app}` }] } } },
    });
  }
  return [...objs, ...extra];
}

/**
 * A small mesh. `sidecars: false`: without any Sidecar; `endpoints: true`: every Service has pods;
 * `consistent: true`: one protocol per port number everywhere.
 */
export function meshInput(opts: { sidecars?: boolean; endpoints?: boolean; consistent?: boolean } = {}): fc.Arbitrary<MeshInput> {
  const c = opts.consistent === true;
  return fc.record({
    base: fc
      .tuple(fc.array(service(c), { minLength: 1, maxLength: 4 }), fc.array(workload, { minLength: 1, maxLength: 3 }), fc.array(serviceEntry(c), { maxLength: 2 }))
      .map(([s, w, e]) => unique(opts.endpoints ? withEndpoints([...s, ...w, ...e]) : [...s, ...w, ...e])),
    sidecars: opts.sidecars === false ? fc.constant([]) : fc.array(sidecar(c), { maxLength: 3 }).map(unique),
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
      root = m.op === 'wrap' ? [root] : m.op === 'replace' ? structuredClone(m.value) : null;
      continue;
    }
    const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], root) as Record<string | number, unknown>;
    const key = path[path.length - 1]!;
    if (m.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else {
      parent[key] = m.op === 'wrap' ? [parent[key]] : structuredClone(m.value);
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
