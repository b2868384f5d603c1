// Human output: grouped by file, `line:col  severity  message  rule-id`, a code frame with a caret, a summary line.
import type { Finding, Severity } from '../types.js';
import { palette, type Palette } from './color.js';
import { summarize, type Formatter } from './types.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function severityText(s: Severity, c: Palette): string {
  return s === 'error' ? c.red('error') : s === 'warning' ? c.yellow('warning') : c.blue('info');
}

function codeFrame(line: string, f: Finding, c: Palette): string[] {
  if (!line.trim()) return [];
  const start = Math.max(0, f.column - 1);
  const end = f.endLine === f.line ? Math.max(f.endColumn - 1, start + 1) : line.length;
  const width = Math.max(1, Math.min(end, line.length) - start);
  const gutter = `${f.line} | `;
  return [c.dim(gutter) + line, ' '.repeat(gutter.length + start) + c.red('^'.repeat(width))];
}

export const stylish: Formatter = (input) => {
  const c = palette(input.color);
  const out: string[] = [];
  const visible = input.findings.filter((f) => !f.suppressed);
  let current: string | undefined;
  for (const f of visible) {
    if (f.file !== current) {
      if (current !== undefined) out.push('');
      out.push(c.underline(f.file));
      current = f.file;
    }
    out.push(`  ${f.line}:${f.column}  ${severityText(f.severity, c)}  ${f.message}  ${c.dim(f.ruleId)}`);
    const src = input.sources.get(f.file);
    if (src) out.push(...codeFrame(src.line(f.line), f, c).map((l) => `    ${l}`));
  }
  const s = summarize(input);
  const total = s.errors + s.warnings + s.infos;
  if (out.length) out.push('');
  const scanned = `${plural(s.files, 'file')}, ${plural(s.resources, 'resource')}`;
  if (total === 0) {
    out.push(c.green(`✔ no problems (${scanned})`));
  } else {
    const line = `✖ ${plural(total, 'problem')} (${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.infos} info) in ${scanned}`;
    out.push(s.errors ? c.red(c.bold(line)) : s.warnings ? c.yellow(c.bold(line)) : c.bold(line));
  }
  return out.join('\n') + '\n';
};
