// The job summary's lint section: counts and a table of findings (annotations stop at ten per level; this does not).
import type { JsonOutput } from '../formatters/json.js';


export const MAX_SUMMARY_ROWS = 50;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
// Table cells: no line breaks, no column breaks, no raw HTML.
const cell = (s: string): string => s.replace(/\r?\n/g, ' ').replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`);

export function parseJsonOutput(text: string | undefined): JsonOutput | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as Partial<JsonOutput>;
    return Array.isArray(v.findings) && v.summary ? (v as JsonOutput) : undefined;
  } catch {
    return undefined;
  }
}

export function lintSummary(out: JsonOutput, sarifFile: string): string {
  const s = out.summary;
  const scanned = `${plural(s.files, 'file')}, ${plural(s.resources, 'resource')}`;
  const total = s.errors + s.warnings + s.infos;
  const lines = ['## istio-lint', ''];
  lines.push(
    total === 0
      ? `✔ no problems (${scanned})`
      : `✖ ${plural(total, 'problem')} (${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.infos} info) in ${scanned}`,
  );
  if (total > 0) {
    lines.push('', '| severity | rule | location | message |', '| --- | --- | --- | --- |');
    for (const f of out.findings.slice(0, MAX_SUMMARY_ROWS)) {
      lines.push(`| ${f.severity} | \`${f.ruleId}\` | ${cell(`${f.file}:${f.line}:${f.column}`)} | ${cell(f.message)} |`);
    }
    const more = out.findings.length - MAX_SUMMARY_ROWS;
    if (more > 0) lines.push('', `… and ${more} more${sarifFile ? ` (all of them are in \`${cell(sarifFile)}\`)` : ''}.`);
  }
  return lines.join('\n') + '\n';
}
