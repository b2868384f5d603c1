// The top of the markdown report (job summaries, PR comments): the workload → service graph as a mermaid block when
// it is small enough to read, else the same graph collapsed to namespace → namespace counts per verdict.
// GitHub refuses a job summary above 1 MiB, so large reports also leave out the per-pair tables (MARKDOWN_MAX_PAIRS).
import { destinationOf, graphOf, VERDICT_STYLE, type Destination } from './graph.js';
import { isSmallGraph, mermaidOf } from './format-mermaid.js';
import { VERDICTS, type ReachReport, type Verdict } from './types.js';

/** Above this many pairs the markdown report shows counts only (a pair row is ~400 bytes). */
export const MARKDOWN_MAX_PAIRS = 300;

const md = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/`/g, "'").replace(/\r?\n/g, ' ');

export function overviewMarkdown(report: ReachReport, destinations?: readonly Destination[]): string[] {
  if (!report.pairs.length) return [];
  const g = graphOf(report, destinations);
  if (isSmallGraph(g)) return ['```mermaid', mermaidOf(g).trimEnd(), '```', ''];
  const known = new Map((destinations ?? []).map((d) => [d.to, d]));
  const rows = new Map<string, Map<Verdict, number>>();
  for (const p of report.pairs) {
    const from = p.from.slice(0, Math.max(0, p.from.indexOf('/')));
    const to = destinationOf(p.to, known).namespace;
    const key = `${from}\u0000${to}`;
    const counts = rows.get(key) ?? new Map<Verdict, number>();
    counts.set(p.verdict, (counts.get(p.verdict) ?? 0) + 1);
    rows.set(key, counts);
  }
  const used = VERDICTS.filter((v) => report.pairs.some((p) => p.verdict === v));
  const out = [
    `Pairs by namespace (${g.edges.length} workload → service edges are too many to draw; \`istio-lint report --format html\` shows them all):`,
    '',
    `| From namespace | To namespace | ${used.map((v) => `${VERDICT_STYLE[v].symbol} ${v}`).join(' | ')} |`,
    `| --- | --- | ${used.map(() => '---:').join(' | ')} |`,
  ];
  for (const key of [...rows.keys()].sort()) {
    const [from, to] = key.split('\u0000') as [string, string];
    const counts = rows.get(key)!;
    out.push(`| \`${md(from || '(none)')}\` | \`${md(to || '(external)')}\` | ${used.map((v) => counts.get(v) ?? 0).join(' | ')} |`);
  }
  out.push('');
  if (report.pairs.length > MARKDOWN_MAX_PAIRS) {
    out.push(`_${report.pairs.length} pairs are too many to list here: run \`istio-lint report\` (table, json, csv or html) for each one and why._`, '');
  }
  return out;
}
