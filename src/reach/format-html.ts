// `report --format html`: one self-contained page (inline CSS, JS and data; no network) with the verdict matrix,
// filters, the reason of each cell on hover and focus, and a view per workload. Same input → same bytes.
import type { Finding } from '../types.js';
import { summaryLine } from './format-table.js';
import type { Destination } from './graph.js';
import { resourceKey, type HtmlContext } from './html/context.js';
import { matrixOf, shortName as shortOf, verdictTable } from './html/data.js';
import { SCRIPT_DATA } from './html/script-data.js';
import { SCRIPT_GRID } from './html/script-grid.js';
import { SCRIPT_PANEL } from './html/script-panel.js';
import { STYLE } from './html/style.js';
import type { ReachReport } from './types.js';

export interface HtmlInput {
  readonly report: ReachReport;
  /** Where each service port belongs; without it, namespaces come from "name.ns.svc…" hosts. */
  readonly destinations?: readonly Destination[];
  readonly context?: HtmlContext;
  /** Findings of the lint run over the same input. */
  readonly findings?: readonly Finding[];
  readonly version?: string;
}

/** Text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** JSON that stays inert inside <script>: no "</script", "<!--" or "]]>", and no raw U+2028/U+2029. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function indexer<T>(): { add(value: T): number; list: T[] } {
  const keys = new Map<string, number>();
  const list: T[] = [];
  return {
    list,
    add(value: T): number {
      const k = JSON.stringify(value);
      let i = keys.get(k);
      if (i === undefined) keys.set(k, (i = list.push(value) - 1));
      return i;
    },
  };
}

function pageData(input: HtmlInput): unknown {
  const { report } = input;
  const m = matrixOf(report, input.destinations);
  const rowNs = [...new Set(m.rows.map((r) => r.namespace))].sort();
  const colNs = [...new Set(m.cols.map((c) => c.namespace))].sort();
  const findings = input.findings ?? [];
  const byResource = new Map<string, number[]>();
  findings.forEach((f, i) => {
    if (!f.resource) return;
    const k = resourceKey(f.resource.kind, f.resource.namespace, f.resource.name);
    const list = byResource.get(k);
    if (list) list.push(i);
    else byResource.set(k, [i]);
  });
  const infoById = new Map((input.context?.workloads ?? []).map((w) => [w.id, w]));
  const proxyById = new Map((input.context?.proxyConfigs ?? []).map((p) => [p.workload, p]));
  const ctab = indexer<string[][]>();
  const ltab = indexer<string[][]>();
  const proxies = indexer<[number, number, string]>();
  const info = m.rows.map((row) => {
    const w = infoById.get(row.id);
    if (!w) return 0;
    const related = [...new Set(w.related.flatMap((k) => byResource.get(k) ?? []))].sort((a, b) => a - b);
    const pc = proxyById.get(row.id);
    const proxy = !pc
      ? -1
      : proxies.add([
          ctab.add(pc.clusters.map((c) => [c.fqdn, c.port, c.subset, c.direction, c.type])),
          ltab.add(pc.listeners.map((l) => [l.address, String(l.port), l.match, l.destination])),
          pc.meshed ? '' : `No sidecar, so there is no Envoy config to predict (${pc.note ?? 'not meshed'}).`,
        ]);
    return [w.file, w.line, w.injection, w.scope, w.policy, related, proxy];
  });
  return {
    verdicts: verdictTable(),
    counts: m.counts,
    rowNs,
    rows: m.rows.map((r, i) => [r.id, rowNs.indexOf(r.namespace), r.kind, r.meshed ? 1 : 0, r.sidecar ?? '', r.mode, m.rowPattern[i]]),
    colNs,
    cols: m.cols.map((c) => [c.host, c.port, colNs.indexOf(c.namespace), c.service, c.source === 'Service' ? 0 : c.source === 'ServiceEntry' ? 1 : 2, shortOf(c)]),
    pat: m.patterns,
    w: m.width,
    reasons: m.reasons,
    info,
    findings: findings.map((f) => [f.severity, f.ruleId, f.message, f.file, f.line, f.column, f.resource?.kind ?? '', f.resource?.namespace ?? '', f.resource?.name ?? '', f.suppressed ? 1 : 0]),
    sidecars: (input.context?.sidecars ?? []).map((s) => [s.id, s.file, s.line, s.selector, s.mode, s.egress.map((e) => [e.port, e.hosts])]),
    proxies: proxies.list,
    ctab: ctab.list,
    ltab: ltab.list,
  };
}

export function formatHtml(input: HtmlInput): string {
  const { report } = input;
  const summary = summaryLine(report);
  const findings = input.findings ?? [];
  const errors = findings.filter((f) => f.severity === 'error' && !f.suppressed).length;
  const warnings = findings.filter((f) => f.severity === 'warning' && !f.suppressed).length;
  const script = `(function () {\n'use strict';\n${SCRIPT_DATA}${SCRIPT_GRID}${SCRIPT_PANEL}})();\n`;
  if (/<\/script|<!--/i.test(script)) throw new Error('internal error: the page script must not contain "</script" or "<!--"');
  const assumptions = report.assumptions.map((a) => `<li>${escapeHtml(a)}</li>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="istio-lint${input.version ? ` ${escapeHtml(input.version)}` : ''}">
<title>istio-lint reachability: ${escapeHtml(summary)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top">
<div class="brand"><h1>istio-lint <span>reachability</span></h1><p class="summary" title="${escapeHtml(summary)}">${escapeHtml(summary)}</p><span class="shown" id="shown" aria-live="polite"></span></div>
<div class="bar">
<div class="legend" id="legend" role="group" aria-label="Verdicts shown (click to hide or show)"></div>
<div class="seg" role="group" aria-label="Quick verdict filters"><button type="button" data-preset="all">All</button><button type="button" data-preset="blocked">Failing</button><button type="button" data-preset="allowed">Reaching</button></div>
</div>
<div class="filters">
<label>From <select id="f-from" aria-label="Client namespace"><option value="">all namespaces</option></select></label>
<label>To <select id="f-to" aria-label="Destination namespace"><option value="">all namespaces</option></select></label>
<input id="f-text" type="search" placeholder="Filter by workload, service or host…" aria-label="Filter by workload, service or host">
<button type="button" class="btn" id="f-dense" aria-pressed="false" title="Symbols only, narrower columns">Compact</button>
<button type="button" class="btn push" id="f-findings">Lint findings: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}</button>
</div>
</header>
<main>
<div class="grid" id="grid" role="grid" tabindex="-1" aria-label="Reachability: workloads (rows) by service port (columns)">
<div class="sizer" id="sizer"><div class="colhead" id="colhead"></div><div class="bodyrow"><div class="rowhead" id="rowhead"></div><div class="cells" id="cells"></div></div>
<div class="empty" id="empty" hidden>Nothing to show: no pair matches these filters${report.pairs.length ? '' : ' (the report has no pairs)'}.</div></div>
</div>
<aside id="detail" aria-label="Workload details" hidden></aside>
</main>
<footer>
<details><summary>Assumptions (${report.assumptions.length})</summary><ul>${assumptions}</ul></details>
<span>Made by istio-lint${input.version ? ` ${escapeHtml(input.version)}` : ''} from manifests alone: predictions, not observations.</span>
</footer>
<div id="tip" role="tooltip" hidden></div>
<noscript><p>This page draws the matrix with JavaScript. <code>istio-lint report --format table</code> prints the same verdicts as text.</p></noscript>
<script type="application/json" id="reach-data">${scriptJson(pageData(input))}</script>
<script>${script}</script>
</body>
</html>
`;
}
