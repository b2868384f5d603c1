// GitHub Actions workflow commands: one annotation per finding, shown on the pull request's diff.
import type { Finding, Severity } from '../types.js';
import { SEVERITY_RANK } from '../types.js';
import { findingRegion } from './sarif.js';
import { summarize, type FormatInput, type Formatter } from './types.js';

const COMMAND: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };
/** GitHub turns at most this many annotations of each level of one step into annotations. */
export const ANNOTATIONS_PER_LEVEL = 10;

// The escaping of @actions/core: data escapes %, CR and LF; property values also "," and ":".
export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

// GitHub's annotations take columns only on one line; a multi-line range keeps its lines.
export function annotation(f: Finding, sources: FormatInput['sources']): string {
  const r = findingRegion(f, sources);
  const oneLine = r.endLine === r.startLine;
  const props = [
    `file=${escapeProperty(f.file)}`,
    `line=${r.startLine}`,
    ...(oneLine ? [`col=${r.startColumn}`] : []),
    `endLine=${r.endLine}`,
    ...(oneLine ? [`endColumn=${r.endColumn}`] : []),
    `title=${escapeProperty(f.ruleId)}`,
  ];
  return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}`;
}

// Errors first: only the first ten of each level become annotations, and errors are the ones that fail the job.
export const github: Formatter = (input) => {
  const visible = input.findings
    .map((f, i) => ({ f, i }))
    .filter((e) => !e.f.suppressed)
    .sort((a, b) => SEVERITY_RANK[b.f.severity] - SEVERITY_RANK[a.f.severity] || a.i - b.i)
    .map((e) => e.f);
  const lines = visible.map((f) => annotation(f, input.sources));
  const s = summarize(input);
  const over = ([['error', s.errors], ['warning', s.warnings], ['info', s.infos]] as const).filter(([, n]) => n > ANNOTATIONS_PER_LEVEL);
  if (over.length) {
    const counts = over.map(([level, n]) => `${n} ${level}s`).join(', ');
    lines.push(`::notice title=istio-lint::${escapeData(`${counts}: GitHub shows ${ANNOTATIONS_PER_LEVEL} annotations per level and step; the log above and the SARIF report list all`)}`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
};
