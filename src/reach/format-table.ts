// `report --format table`: one block per workload, one line per destination with its reason beneath, coloured
// verdicts on a terminal; the summary and the assumptions last.
import { palette, type Palette } from '../formatters/color.js';
import type { Pair, ReachReport, Verdict, WorkloadSummary } from './types.js';
import { VERDICTS } from './types.js';

function paint(p: Palette, v: Verdict): (s: string) => string {
  switch (v) {
    case '200':
      return p.green;
    case '502':
    case 'blackhole':
      return p.red;
    case '503':
    case 'passthrough':
      return p.yellow;
    default:
      return p.blue;
  }
}

function header(w: WorkloadSummary): string {
  if (!w.meshed) return `${w.id} (${w.kind}): no sidecar`;
  return `${w.id} (${w.kind}): ${w.sidecar ? `Sidecar ${w.sidecar}` : 'no Sidecar (implicit */*)'}, ${w.outboundTrafficPolicy}`;
}

export function summaryLine(report: ReachReport): string {
  const counts = new Map<Verdict, number>();
  for (const p of report.pairs) counts.set(p.verdict, (counts.get(p.verdict) ?? 0) + 1);
  const parts = VERDICTS.filter((v) => counts.has(v)).map((v) => `${counts.get(v)} × ${v}`);
  const n = report.workloads.length;
  return `${report.pairs.length} pair${report.pairs.length === 1 ? '' : 's'} from ${n} workload${n === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}

export function formatTable(report: ReachReport, color: boolean): string {
  const p = palette(color);
  const byFrom = new Map<string, Pair[]>();
  for (const pair of report.pairs) {
    const list = byFrom.get(pair.from) ?? [];
    list.push(pair);
    byFrom.set(pair.from, list);
  }
  const lines: string[] = [];
  const shown = new Set<string>();
  for (const w of report.workloads) {
    if (shown.has(w.id)) continue;
    shown.add(w.id);
    lines.push(p.bold(header(w)));
    const pairs = byFrom.get(w.id) ?? [];
    if (!pairs.length) lines.push(p.dim('  (no pairs)'));
    for (const x of pairs) {
      lines.push(`  ${paint(p, x.verdict)(x.verdict.padEnd(11))} ${x.to}`);
      lines.push(`  ${' '.repeat(11)} ${p.dim(x.reason)}`);
    }
    lines.push('');
  }
  lines.push(summaryLine(report));
  if (report.assumptions.length) {
    lines.push('', p.dim('Assumptions:'));
    for (const a of report.assumptions) lines.push(p.dim(`  - ${a}`));
  }
  return lines.join('\n') + '\n';
}
