// `report --format markdown`: for pull-request comments and job summaries (GitHub-flavoured tables).
import { summaryLine } from './format-table.js';
import { MARKDOWN_MAX_PAIRS, overviewMarkdown } from './format-overview.js';
import type { Destination } from './graph.js';
import type { Pair, ReachReport } from './types.js';

const ICON: Readonly<Record<string, string>> = { '200': '✅', '502': '⛔', blackhole: '⛔', '503': '⚠️', passthrough: '⚠️', direct: '➖' };

/** Table cells: pipes escaped, line breaks flattened, backticks kept as code. */
export function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function formatMarkdown(report: ReachReport, destinations?: readonly Destination[]): string {
  const out: string[] = ['## istio-lint reachability', '', summaryLine(report), '', ...overviewMarkdown(report, destinations)];
  const byFrom = new Map<string, Pair[]>();
  for (const p of report.pairs) {
    const list = byFrom.get(p.from);
    if (list) list.push(p);
    else byFrom.set(p.from, [p]);
  }
  const seen = new Set<string>();
  // Large reports stop at the overview's counts: a job summary above 1 MiB is refused.
  for (const w of report.pairs.length > MARKDOWN_MAX_PAIRS ? [] : report.workloads) {
    if (seen.has(w.id)) continue;
    seen.add(w.id);
    const scope = !w.meshed ? 'no sidecar' : `${w.sidecar ? `Sidecar \`${w.sidecar}\`` : 'no Sidecar (implicit `*/*`)'}, ${w.outboundTrafficPolicy}`;
    out.push(`### \`${w.id}\` (${w.kind})`, '', scope, '');
    const pairs = byFrom.get(w.id) ?? [];
    if (!pairs.length) {
      out.push('_No pairs._', '');
      continue;
    }
    out.push('| Verdict | Destination | Why |', '| --- | --- | --- |');
    for (const p of pairs) out.push(`| ${ICON[p.verdict] ?? ''} ${p.verdict} | \`${cell(p.to)}\` | ${cell(p.reason)} |`);
    out.push('');
  }
  if (report.assumptions.length) {
    out.push('<details><summary>Assumptions</summary>', '');
    for (const a of report.assumptions) out.push(`- ${cell(a)}`);
    out.push('', '</details>', '');
  }
  return out.join('\n');
}
