// `report --format dot`: a Graphviz digraph, workloads → services clustered by namespace, one edge per verdict,
// coloured, labelled with the verdict and ports, and ending in a bar (⊣) when the request fails.
import { summaryLine } from './format-table.js';
import { graphOf, edgeLabel, VERDICT_STYLE, type Destination } from './graph.js';
import type { ReachReport, Verdict } from './types.js';

/** A DOT double-quoted string: quotes and backslashes escaped, line breaks as \n (centred lines). */
export function dotString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

const EDGE_STYLE: Readonly<Record<Verdict, string>> = {
  '200': 'style=solid, penwidth=1.6',
  '502': 'style=solid, penwidth=1.6, arrowhead=tee',
  blackhole: 'style=dashed, penwidth=1.6, arrowhead=tee',
  '503': 'style=dashed, penwidth=1.2, arrowhead=tee',
  passthrough: 'style=dotted, penwidth=1.4',
  direct: 'style=dotted, penwidth=1.2',
};

export function formatDot(report: ReachReport, destinations?: readonly Destination[]): string {
  const g = graphOf(report, destinations);
  const out: string[] = [
    `// istio-lint reachability: ${summaryLine(report)}`,
    'digraph reachability {',
    `  graph [rankdir=LR, fontname="Helvetica", fontsize=12, nodesep=0.25, ranksep=1.4, labelloc=t, label=${dotString(`istio-lint reachability\n${summaryLine(report)}`)}];`,
    '  node [fontname="Helvetica", fontsize=10, style="rounded,filled", fillcolor="#ffffff", color="#8c959f"];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  g.namespaces.forEach((ns, i) => {
    const inner = ns.nodes.map((n) => {
      const shape = n.kind === 'workload' ? 'box' : 'ellipse';
      const fill = n.kind === 'workload' ? '#ffffff' : '#eef4ff';
      return `${dotString(n.id)} [label=${dotString(`${n.label}\n${n.detail}`)}, shape=${shape}, fillcolor="${fill}"];`;
    });
    if (!ns.name) {
      out.push(...inner.map((l) => `  ${l}`));
      return;
    }
    out.push(`  subgraph cluster_${i} {`, `    label=${dotString(`namespace ${ns.name}`)};`, '    style="rounded,filled"; fillcolor="#f6f8fa"; color="#d0d7de";');
    out.push(...inner.map((l) => `    ${l}`), '  }');
  });
  for (const e of g.edges) {
    const color = VERDICT_STYLE[e.verdict].color;
    out.push(`  ${dotString(e.from)} -> ${dotString(e.to)} [label=${dotString(edgeLabel(e))}, color="${color}", fontcolor="${color}", ${EDGE_STYLE[e.verdict]}];`);
  }
  out.push('}');
  return out.join('\n') + '\n';
}
