// --fix: lint, apply the fixes that do not collide, lint the new texts again, until nothing is left to fix (ESLint's
// passes). Texts stay in memory; the caller writes the files that changed.
import type { LintResult } from '../engine.js';
import type { ParsedFile } from '../loader/parse.js';
import type { Fix } from '../types.js';
import { applyFixes } from './apply.js';

/** ESLint's bound: fixes that keep producing new fixes stop here. */
export const MAX_PASSES = 10;

export interface FixRun {
  /** The lint result of the final texts, and those texts parsed. */
  readonly result: LintResult;
  readonly files: readonly ParsedFile[];
  /** Path → final text, for each input file that changed. */
  readonly changed: ReadonlyMap<string, string>;
  /** Findings fixed over all passes. */
  readonly fixed: number;
}

export function lintAndFix(
  files: readonly ParsedFile[],
  lintFiles: (files: readonly ParsedFile[]) => LintResult,
  reparse: (path: string, text: string) => ParsedFile,
  /** Paths that may be changed (not stdin, not a file whose encoding cannot be written back). */
  writable: (path: string) => boolean,
): FixRun {
  let current = [...files];
  const changed = new Map<string, string>();
  let fixed = 0;
  let result = lintFiles(current);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixes: Fix[] = result.findings.filter((f) => f.fix && !f.suppressed && f.fix.edits.every((e) => writable(e.file))).map((f) => f.fix!);
    if (!fixes.length) break;
    const texts = new Map(current.map((f) => [f.source.path, f.source.text]));
    const out = applyFixes(texts, fixes);
    if (!out.applied || !out.texts.size) break;
    fixed += out.applied;
    current = current.map((f) => {
      const text = out.texts.get(f.source.path);
      if (text === undefined) return f;
      changed.set(f.source.path, text);
      return reparse(f.source.path, text);
    });
    result = lintFiles(current);
  }
  return { result, files: current, changed, fixed };
}
