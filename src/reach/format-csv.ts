// `report --format csv`: one row per pair (RFC 4180 quoting), for spreadsheets.
import type { ReachReport } from './types.js';

function field(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function formatCsv(report: ReachReport): string {
  const rows = [['from', 'to', 'verdict', 'sidecar', 'reason']];
  for (const p of report.pairs) rows.push([p.from, p.to, p.verdict, p.sidecar ?? '', p.reason]);
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
