// Decides whether a finding is silenced: by a resource annotation or by a YAML comment directive.
import { asObject, asStringMap } from './json.js';
import type { Manifest, SourceFile, Suppression } from './types.js';

export const IGNORE_ANNOTATION = 'istio-lint.io/ignore';
export const IGNORE_REASON_ANNOTATION = 'istio-lint.io/ignore-reason';

export interface Directive {
  readonly kind: 'next-line' | 'line' | 'file';
  /** Line the directive is written on. */
  readonly line: number;
  /** Line it applies to (0 for the whole file). */
  readonly appliesTo: number;
  readonly rules: readonly string[];
  readonly reason: string;
  used: boolean;
}

const DIRECTIVE = /#\s*istio-lint-disable(-next-line|-line|-file)?(?=\s|$)(.*)$/;

/** Finds `# istio-lint-disable-next-line rule -- reason` and friends in a text. */
export function scanDirectives(source: SourceFile): Directive[] {
  const out: Directive[] = [];
  if (!source.text.includes('istio-lint-disable')) return out;
  const lines = source.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = DIRECTIVE.exec(lines[i]!.replace(/\r$/, ''));
    if (!m) continue;
    const before = lines[i]!.slice(0, m.index);
    // A "#" inside a quoted value is not a comment.
    if ((before.split('"').length - 1) % 2 === 1 || (before.split("'").length - 1) % 2 === 1) continue;
    const [ids, ...reason] = m[2]!.split(/\s--\s?/);
    const rules = ids!
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const kind = m[1] === '-next-line' ? 'next-line' : m[1] === '-line' ? 'line' : 'file';
    const line = i + 1;
    let appliesTo = kind === 'line' ? line : 0;
    if (kind === 'next-line') {
      appliesTo = line + 1;
      // Skip blank and comment lines, as ESLint does not, but YAML authors stack comments.
      while (appliesTo <= lines.length && /^\s*(#.*)?\r?$/.test(lines[appliesTo - 1]!)) appliesTo++;
    }
    out.push({ kind, line, appliesTo, rules: rules.length ? rules : ['*'], reason: reason.join(' -- ').trim(), used: false });
  }
  return out;
}

export function directiveSuppression(directives: readonly Directive[], ruleId: string, line: number): Suppression | undefined {
  for (const d of directives) {
    if (d.kind !== 'file' && d.appliesTo !== line) continue;
    if (!d.rules.includes('*') && !d.rules.includes(ruleId)) continue;
    d.used = true;
    return { kind: 'comment', justification: d.reason };
  }
  return undefined;
}

export function annotationSuppression(m: Manifest, ruleId: string): Suppression | undefined {
  const annotations = asStringMap(asObject(m.value.metadata)?.annotations);
  const value = annotations[IGNORE_ANNOTATION];
  if (value === undefined) return undefined;
  const ids = value.split(',').map((s) => s.trim());
  if (!ids.includes('*') && !ids.includes(ruleId)) return undefined;
  return { kind: 'annotation', justification: annotations[IGNORE_REASON_ANNOTATION] ?? '' };
}
