// Small manifest builders for the reach-*.test.ts unit tests: one YAML stream in, a mesh model out.
import { modelOf, parseInputs } from '../src/engine.js';
import type { MeshConfigLayer } from '../src/model/mesh-config.js';
import type { Mesh } from '../src/model/types.js';
import { buildReachReport } from '../src/reach/report.js';

export function meshFrom(yaml: string, meshLayers: MeshConfigLayer[] = []): Mesh {
  return modelOf(parseInputs([{ path: 'in.yaml', text: yaml }], 'default'), { meshLayers, assumeInjected: true }).mesh;
}

export const ns = (name: string, labels = '{istio-injection: enabled}') => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}, labels: ${labels}}\n---\n`;

export const deploy = (name: string, namespace: string, labels: string, annotations = '{}', extra = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec: {${extra}template: {metadata: {labels: ${labels}, annotations: ${annotations}}, spec: {containers: [{name: c, image: x}]}}}\n---\n`;

/** A Service; `spec` is extra spec fields such as "clusterIP: 10.0.0.1, ". */
export const svc = (name: string, namespace: string, app: string | undefined, ports = '[{name: http, port: 80}]', spec = '', annotations = '{}') =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${namespace}, annotations: ${annotations}}\nspec: {${spec}${app ? `selector: {app: ${app}}, ` : ''}ports: ${ports}}\n---\n`;

export const sidecar = (name: string, namespace: string, spec: string, ts?: string) =>
  `apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: ${name}, namespace: ${namespace}${ts ? `, creationTimestamp: "${ts}"` : ''}}\nspec: ${spec}\n---\n`;

export const entry = (name: string, namespace: string, spec: string) =>
  `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec: ${spec}\n---\n`;

export const vservice = (name: string, namespace: string, spec: string, ts?: string) =>
  `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: ${name}, namespace: ${namespace}${ts ? `, creationTimestamp: "${ts}"` : ''}}\nspec: ${spec}\n---\n`;

/** "from to" (with .svc.cluster.local dropped) → verdict. */
export function verdicts(mesh: Mesh): Record<string, string> {
  return Object.fromEntries(buildReachReport(mesh).pairs.map((p) => [`${p.from} ${p.to.replace('.svc.cluster.local', '')}`, p.verdict]));
}

export function reasonOf(mesh: Mesh, from: string, to: string): string {
  const p = buildReachReport(mesh, { from: [from] }).pairs.find((x) => x.to.replace('.svc.cluster.local', '') === to);
  if (!p) throw new Error(`no pair ${from} → ${to}`);
  return p.reason;
}
