// What the HTML report's workload view shows beyond the matrix, taken from the mesh model: which Sidecar applies and
// why (B1–B5), its egress listeners and policy (C1, C2), the predicted proxy config, and which resources' lint
// findings concern the workload. Pure: the CLI passes the result and the findings to formatHtml.
import { servicesSelecting } from '../../model/endpoints.js';
import { formatLabels } from '../../model/labels.js';
import type { Mesh, Sidecar } from '../../model/types.js';
import { engineFor } from '../engine.js';
import { proxyConfigOf, type ProxyConfig } from '../proxy-config.js';
import { describeChoice } from '../scope.js';
import { sortWorkloads } from '../report.js';

export interface SidecarInfo {
  readonly id: string;
  readonly file: string;
  readonly line: number;
  /** "app=x", "{} (every pod)", or "" without a workloadSelector. */
  readonly selector: string;
  /** outboundTrafficPolicy.mode as written, or "" when the mesh's applies. */
  readonly mode: string;
  /** One line per egress listener: "80 HTTP egress-http" or "any port", with its hosts. */
  readonly egress: readonly { readonly port: string; readonly hosts: readonly string[] }[];
}

export interface WorkloadInfo {
  readonly id: string;
  readonly file: string;
  readonly line: number;
  /** Why it is (not) meshed, which Sidecar applies and how the outbound policy was chosen. */
  readonly injection: string;
  readonly scope: string;
  readonly policy: string;
  /** Resource keys ("Kind|namespace|name") whose findings concern this workload. */
  readonly related: readonly string[];
}

export interface HtmlContext {
  readonly sidecars: readonly SidecarInfo[];
  readonly workloads: readonly WorkloadInfo[];
  /** Predicted proxy configs; workloads beyond the row budget have none (the page names the command instead). */
  readonly proxyConfigs: readonly ProxyConfig[];
}

export const resourceKey = (kind: string, namespace: string, name: string): string => `${kind}|${namespace}|${name}`;

/** Above this many listener and cluster rows in all, the remaining workloads' proxy configs are left out. */
export const PROXY_ROW_BUDGET = 100_000;

function sidecarInfo(s: Sidecar): SidecarInfo {
  const m = s.manifest;
  const line = m.source.locate(m.docIndex, m.basePath).start.line;
  const selector = s.selector === undefined ? '' : Object.keys(s.selector).length ? formatLabels(s.selector) : '{} (every pod)';
  const egress = s.egress.map((l) => ({
    port: l.port?.number !== undefined ? [l.port.number, l.port.protocol, l.port.name].filter(Boolean).join(' ') : l.bind ? `bind ${l.bind}` : 'any port',
    hosts: l.hosts.map((h) => h.raw),
  }));
  return { id: s.id, file: m.source.path, line, selector, mode: s.outboundMode ?? '', egress };
}

export function htmlContext(mesh: Mesh, workloadIds?: ReadonlySet<string>): HtmlContext {
  const engine = engineFor(mesh);
  const sidecars = [...mesh.sidecars].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(sidecarInfo);
  const workloads: WorkloadInfo[] = [];
  const proxyConfigs: ProxyConfig[] = [];
  let rows = 0;
  const seen = new Set<string>();
  for (const w of sortWorkloads(mesh.workloads)) {
    if (seen.has(w.id) || (workloadIds && !workloadIds.has(w.id))) continue;
    seen.add(w.id);
    const c = engine.client(w);
    const related = [resourceKey(w.kind, w.namespace, w.name), resourceKey('Namespace', '', w.namespace)];
    for (const s of [c.choice?.sidecar, ...(c.choice?.competing ?? [])]) if (s) related.push(resourceKey('Sidecar', s.namespace, s.name));
    for (const s of servicesSelecting(w, mesh)) related.push(resourceKey('Service', s.namespace, s.name));
    const m = w.manifest;
    workloads.push({
      id: w.id,
      file: m.source.path,
      line: m.source.locate(m.docIndex, m.basePath).start.line,
      injection: c.why,
      scope: c.choice ? describeChoice(c.choice) : 'no sidecar: Sidecar resources do not apply',
      policy: c.choice ? `${c.choice.mode} (${c.choice.modeOrigin})` : '',
      related,
    });
    if (rows > PROXY_ROW_BUDGET) continue;
    const pc = proxyConfigOf(mesh, w.id);
    if (!pc) continue;
    rows += pc.clusters.length + pc.listeners.length;
    proxyConfigs.push(pc);
  }
  return { sidecars, workloads, proxyConfigs };
}
