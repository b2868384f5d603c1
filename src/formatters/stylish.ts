// Human output: grouped by file, `line:col  severity  message  rule-id`, a code frame with a caret, a summary line.
import type { Finding, Severity } from '../types.js';
import { palette, type Palette } from './color.js';
import { summarize, type Formatter } from './types.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function severityText(s: Severity, c: Palette): string {
  return s === 'error' ? c.red('error') : s === 'warning' ? c.yellow('warning') : c.blue('info');
}

// A minified JSON manifest is one line of megabytes: the frame shows a window around the column, not the line.
const FRAME_WIDTH = 120;
const FRAME_BEFORE = 40;

function codeFrame(line: string, f: Finding, c: Palette): string[] {
  if (!line.trim()) return [];
  const start = Math.min(Math.max(0, f.column - 1), line.length);
  const end = f.endLine === f.line ? Math.max(f.endColumn - 1, start + 1) : line.length;
  let from = 0;
  let to = line.length;
  if (line.length > FRAME_WIDTH) {
    from = Math.max(0, Math.min(start - FRAME_BEFORE, line.length - FRAME_WIDTH));
    to = from + FRAME_WIDTH;
    // Never split a surrogate pair (an emoji, a CJK extension character) at either edge.
    if (from > 0 && isLowSurrogate(line.charCodeAt(from))) from++;
    if (to < line.length && isLowSurrogate(line.charCodeAt(to))) to--;
  }
  const head = from > 0 ? '…' : '';
  const tail = to < line.length ? '…' : '';
  const width = Math.max(1, Math.min(end, to) - start);
  const gutter = `${f.line} | `;
  return [c.dim(gutter) + head + line.slice(from, to) + tail, ' '.repeat(gutter.length + head.length + start - from) + c.red('^'.repeat(width))];
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

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
