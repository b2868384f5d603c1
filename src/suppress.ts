// Decides whether a finding is silenced: by a resource annotation or by a YAML comment directive.
import { asObject, asStringMap, stringEntry, type JsonPath } from './json.js';
import { closest } from './suggest.js';
import type { Finding, Manifest, SourceFile, Suppression } from './types.js';

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
  // First code line at or after line n (1-based), computed once: stacked directives must not rescan (quadratic).
  let nextCode: Int32Array | undefined;
  const codeLineFrom = (n: number): number => {
    if (!nextCode) {
      nextCode = new Int32Array(lines.length + 2);
      nextCode[lines.length + 1] = lines.length + 1;
      for (let k = lines.length; k >= 1; k--) nextCode[k] = /^\s*(#.*)?\r?$/.test(lines[k - 1]!) ? nextCode[k + 1]! : k;
    }
    return nextCode[n]!;
  };
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
      // Skip blank and comment lines, as ESLint does not, but YAML authors stack comments.
      appliesTo = codeLineFrom(line + 1);
    }
    out.push({ kind, line, appliesTo, rules: rules.length ? rules : ['*'], reason: reason.join(' -- ').trim(), used: false });
  }
  return out;
}

// Directives by the line they apply to (0: the whole file), so that each finding looks at a few, not all.
const byLine = new WeakMap<readonly Directive[], Map<number, Directive[]>>();

export function directiveSuppression(directives: readonly Directive[], ruleId: string, line: number): Suppression | undefined {
  let index = byLine.get(directives);
  if (!index) {
    index = new Map();
    for (const d of directives) {
      const key = d.kind === 'file' ? 0 : d.appliesTo;
      const list = index.get(key);
      if (list) list.push(d);
      else index.set(key, [d]);
    }
    byLine.set(directives, index);
  }
  // The earliest matching directive wins, as when all were scanned in order.
  const candidates = [...(index.get(line) ?? []), ...(line === 0 ? [] : (index.get(0) ?? []))].sort((a, b) => a.line - b.line);
  for (const d of candidates) {
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

/**
 * Why ids of a suppression name no rule (`"x" is not a rule (did you mean "y"?)`), or undefined when all do: a
 * misspelt id suppresses nothing, and "no such finding" would hide why.
 */
export const notARule = (ids: readonly string[], known: ReadonlySet<string>): string | undefined => {
  const unknown = ids.filter((id) => id !== '*' && !known.has(id));
  if (!unknown.length) return undefined;
  const near = unknown.map((id) => closest(id, known)).filter((n): n is string => n !== undefined);
  return `${unknown.map((id) => `"${id}"`).join(', ')} ${unknown.length === 1 ? 'is not a rule' : 'are not rules'}${near.length ? ` (did you mean ${near.map((n) => `"${n}"`).join(', ')}?)` : ''}`;
};

function manifestKey(m: Manifest): string {
  return `${m.source.path}\u0000${m.docIndex}\u0000${m.basePath.join('.')}`;
}

/** What lint records when an annotation silences `ruleId` on `m`; unusedSuppressions reads it back. */
export const annotationUseKey = (m: Manifest, ruleId: string): string => `${manifestKey(m)}\u0000${ruleId}`;

/** Annotations and comment directives that silenced nothing (or name no rule), as unused-suppression findings. */
export function unusedSuppressions(manifests: readonly Manifest[], used: Set<string>, directives: Map<SourceFile, Directive[]>, known: ReadonlySet<string>): Finding[] {
  const out: Finding[] = [];
  for (const m of manifests) {
    const value = stringEntry(asObject(m.value.metadata)?.annotations, IGNORE_ANNOTATION);
    if (value === undefined) continue;
    const path: JsonPath = [...m.basePath, 'metadata', 'annotations', IGNORE_ANNOTATION];
    for (const id of value.split(',').map((s) => s.trim()).filter(Boolean)) {
      if (id === '*' ? [...used].some((u) => u.startsWith(manifestKey(m) + '\u0000')) : used.has(annotationUseKey(m, id))) continue;
      const r = m.source.locate(m.docIndex, path);
      const why = notARule([id], known);
      const message = why ? `annotation ${IGNORE_ANNOTATION}: ${why}; fix the id or remove it` : `annotation ${IGNORE_ANNOTATION} names "${id}", but no such finding is on this resource; remove it`;
      out.push(unusedFinding(m.source.path, r.start.line, r.start.column, r.end.line, r.end.column, message, { kind: m.kind, namespace: m.namespace, name: m.name }));
    }
  }
  for (const [source, list] of directives) {
    for (const d of list) {
      if (d.used) continue;
      const text = source.line(d.line);
      const col = text.indexOf('#') + 1;
      const directive = `"istio-lint-disable${d.kind === 'file' ? '-file' : '-' + d.kind}"`;
      const why = notARule(d.rules, known);
      out.push(unusedFinding(source.path, d.line, col, d.line, text.length + 1, why ? `${directive}: ${why}; fix the id or remove the comment` : `${directive} for ${d.rules.join(', ')} suppresses nothing; remove it`));
    }
  }
  return out;
}

function unusedFinding(file: string, line: number, column: number, endLine: number, endColumn: number, message: string, resource?: Finding['resource']): Finding {
  return { ruleId: 'unused-suppression', severity: 'warning', message, file, line, column, endLine, endColumn, ...(resource ? { resource } : {}) };
}
