// `report --format mermaid`: a flowchart GitHub renders in Markdown (job summaries, comments): workloads → services
// in one subgraph per namespace, edges coloured and labelled by verdict, failing requests ending in a cross (--x).
import { summaryLine } from './format-table.js';
import { graphOf, edgeLabel, VERDICT_STYLE, type Destination, type Graph } from './graph.js';
import type { ReachReport, Verdict } from './types.js';

/**
 * Mermaid label text: ASCII punctuation that means something to Mermaid, Markdown or HTML ("#", quotes, "<", "|",
 * backticks…) and every control or format character become entity codes (#35; for "#"), so no name can break out.
 */
export function mermaidText(s: string): string {
  return [...s].map((ch) => (/^[A-Za-z0-9 ._:/,()*~+=@-]$/.test(ch) || (ch > '\u007f' && /^[\p{L}\p{N}\p{So}\p{Sm}]$/u.test(ch)) ? ch : `#${ch.codePointAt(0)};`)).join('');
}

const ARROW: Readonly<Record<Verdict, string>> = {
  '200': '-->',
  '502': '--x',
  blackhole: '--x',
  '503': '--x',
  passthrough: '-.->',
  direct: '-.->',
};

/** Whether the graph is small enough to read in a job summary. */
export function isSmallGraph(g: Graph, maxEdges = 60, maxNodes = 40): boolean {
  const nodes = g.namespaces.reduce((n, ns) => n + ns.nodes.length, 0);
  return g.edges.length <= maxEdges && nodes <= maxNodes;
}

/** The flowchart body (no code fence), from a graph. */
export function mermaidOf(g: Graph, title?: string): string {
  const out: string[] = ['flowchart LR'];
  if (title) out.push(`  %% ${title.replace(/[\r\n]+/g, ' ')}`);
  const ids = new Map<string, string>();
  let w = 0;
  let s = 0;
  g.namespaces.forEach((ns, i) => {
    const lines = ns.nodes.map((n) => {
      const id = n.kind === 'workload' ? `w${w++}` : `s${s++}`;
      ids.set(n.id, id);
      const text = `"${mermaidText(n.label)}<br/>${mermaidText(n.detail)}"`;
      return n.kind === 'workload' ? `${id}[${text}]:::workload` : `${id}([${text}]):::service`;
    });
    if (!ns.name) {
      out.push(...lines.map((l) => `  ${l}`));
      return;
    }
    out.push(`  subgraph ns${i}["namespace ${mermaidText(ns.name)}"]`, ...lines.map((l) => `    ${l}`), '  end');
  });
  const byVerdict = new Map<Verdict, number[]>();
  g.edges.forEach((e, i) => {
    out.push(`  ${ids.get(e.from)} ${ARROW[e.verdict]}|"${mermaidText(edgeLabel(e))}"| ${ids.get(e.to)}`);
    byVerdict.set(e.verdict, [...(byVerdict.get(e.verdict) ?? []), i]);
  });
  out.push('  classDef workload fill:#ffffff,stroke:#8c959f,color:#1f2328');
  out.push('  classDef service fill:#eef4ff,stroke:#0550ae,color:#1f2328');
  for (const [v, idx] of [...byVerdict.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const c = VERDICT_STYLE[v].color;
    out.push(`  linkStyle ${idx.join(',')} stroke:${c},stroke-width:2px,color:${c}`);
  }
  return out.join('\n') + '\n';
}

export function formatMermaid(report: ReachReport, destinations?: readonly Destination[]): string {
  return mermaidOf(graphOf(report, destinations), `istio-lint reachability: ${summaryLine(report)}`);
}
