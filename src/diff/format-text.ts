// The diff for people: a terminal table and GitHub markdown, grouped by workload. Added and removed pairs (a workload
// or a service port that exists on one side only) are counted, not listed: JSON has them all.
import type { ChangeKind, PairChange, ReachDiff } from './types.js';

const LISTED: readonly ChangeKind[] = ['newly-blocked', 'newly-allowed', 'verdict-changed', 'reason-changed'];
const LABEL: Readonly<Record<ChangeKind, string>> = {
  'newly-blocked': 'newly blocked',
  'newly-allowed': 'newly allowed',
  'verdict-changed': 'changed',
  'reason-changed': 'reason changed',
  added: 'added',
  removed: 'removed',
};

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summaryLine(d: ReachDiff): string {
  const s = d.summary;
  const parts = [
    [s.newlyBlocked, 'newly blocked'],
    [s.newlyAllowed, 'newly allowed'],
    [s.verdictChanged, 'with another verdict'],
    [s.reasonChanged, 'with another reason'],
  ] as const;
  const listed = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  const extra = `${plural(s.compared, 'pair')} compared; ${s.added} added, ${s.removed} removed`;
  return listed.length ? `${listed.join(', ')} (${extra})` : `no reachability changes (${extra})`;
}

function listed(d: ReachDiff): { id: string; changes: PairChange[] }[] {
  return d.workloads.map((w) => ({ id: w.id, changes: w.changes.filter((c) => LISTED.includes(c.change)) })).filter((w) => w.changes.length);
}

export function formatTable(d: ReachDiff): string {
  const lines: string[] = [];
  for (const w of listed(d)) {
    lines.push(w.id);
    const width = Math.max(...w.changes.map((c) => c.to.length));
    for (const c of w.changes) {
      const verdicts = c.change === 'reason-changed' ? c.head!.verdict : `${c.base!.verdict} → ${c.head!.verdict}`;
      lines.push(`  ${LABEL[c.change].padEnd(14)}  ${c.to.padEnd(width)}  ${verdicts}`);
      if (c.change === 'reason-changed') {
        lines.push(`${' '.repeat(18)}was: ${c.base!.reason}`, `${' '.repeat(18)}now: ${c.head!.reason}`);
      } else lines.push(`${' '.repeat(18)}${c.head!.reason}`);
    }
    lines.push('');
  }
  lines.push(summaryLine(d));
  return lines.join('\n') + '\n';
}

// Table cells: no line breaks, no column breaks, no raw HTML.
const cell = (s: string): string => s.replace(/\r?\n/g, ' ').replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`);
const ICON: Readonly<Record<ChangeKind, string>> = { 'newly-blocked': '🔴', 'newly-allowed': '🟢', 'verdict-changed': '🟡', 'reason-changed': '⚪', added: '', removed: '' };

export function formatMarkdown(d: ReachDiff): string {
  const lines = ['## Reachability changes', '', summaryLine(d).replace(/^(\d+ newly blocked)/, '**$1**')];
  for (const w of listed(d)) {
    lines.push('', `### ${cell(w.id)}`, '', '| change | destination | before | after | why (after) |', '| --- | --- | --- | --- | --- |');
    for (const c of w.changes) {
      lines.push(`| ${ICON[c.change]} ${LABEL[c.change]} | \`${c.to}\` | ${c.base!.verdict} | ${c.head!.verdict} | ${cell(c.head!.reason)} |`);
    }
  }
  return lines.join('\n') + '\n';
}
