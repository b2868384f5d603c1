// Custom rules from the config's customRules and from rules files → validated, compiled Rule objects.
import { asObject, formatPath, type JsonObject, type JsonPath } from '../json.js';
import { parseYaml } from '../loader/parse.js';
import { formatSize, readManifestFile } from '../loader/read.js';
import type { Rule, RuleMeta } from '../rule.js';
import type { Range, Target } from '../types.js';
import { compileReach } from './reach.js';
import { compileStructural } from './structural.js';
import { RuleDataError, type CustomRuleSpec } from './types.js';
import { formProblem, isRuleList, schemaProblem, type Problem } from './validate.js';

/** A malformed rules file or custom rule: one line, `file:line:col: message`; the run stops with exit 2. */
export class CustomRuleError extends Error {}

/** A rules file that could not be read at all; `reason` says why ("no such file or directory", "larger than 16MB"). */
export class RulesFileReadError extends CustomRuleError {
  readonly reason: string;
  constructor(shown: string, reason: string) {
    super(`${shown}: cannot read the rules file: ${reason}`);
    this.reason = reason;
  }
}

// Rules files are hand-written policy, far smaller than this; the bound keeps `--rules-file /dev/zero` from exhausting memory.
export const RULES_FILE_MAX_BYTES = 16 * 1024 * 1024;

/** A document that holds a `customRules:` list: a rules file, or the config file. */
export interface RulesDocument {
  /** As shown in messages (relative to the working directory). */
  readonly file: string;
  readonly value: JsonObject;
  locate(path: JsonPath, target?: Target): Range;
  /** The config file: other keys belong to the config schema, so only customRules is checked here. */
  readonly isConfig?: boolean;
}

export function readRulesFile(abs: string, shown: string): RulesDocument {
  const read = readManifestFile(abs, RULES_FILE_MAX_BYTES);
  if (!read.ok) {
    // The one refusal that is neither an I/O error nor a content problem is the size bound, whose message names --max-file-size.
    const tooBig = !read.fatal && read.ruleId === 'read-error';
    const where = read.at ? ` (line ${read.at.line}, column ${read.at.column})` : '';
    throw new RulesFileReadError(shown, tooBig ? `it is larger than ${formatSize(RULES_FILE_MAX_BYTES)}, the most a rules file may hold` : read.message.replace(/^skipped: /, '') + where);
  }
  const parsed = parseYaml(shown, read.text);
  const bad = parsed.reports.find((r) => r.severity === undefined || r.severity === 'error');
  if (bad) throw new CustomRuleError(`${shown}:${bad.range.start.line}:${bad.range.start.column}: ${bad.message}`);
  if (parsed.documents.length > 1) {
    const r = parsed.source.documentRange(1);
    throw new CustomRuleError(`${shown}:${r.start.line}:${r.start.column}: a rules file holds one document with a customRules list`);
  }
  const value = asObject(parsed.documents[0]);
  if (!value) throw new CustomRuleError(`${shown}:1:1: a rules file must be a mapping with a customRules list`);
  return { file: shown, value, locate: (path, target) => parsed.source.locate(0, path, target) };
}

/** Compiles every rule of every document in order; ids must be new (built-ins are `reserved`). */
export function compileCustomRules(docs: readonly RulesDocument[], reserved: ReadonlySet<string>): Rule[] {
  const rules: Rule[] = [];
  const declared = new Map<string, string>();
  for (const doc of docs) {
    const fail = (p: Problem): never => {
      const r = doc.locate(p.path, p.atKey ? 'key' : 'value');
      throw new CustomRuleError(`${doc.file}:${r.start.line}:${r.start.column}: ${p.message}`);
    };
    const list = doc.value.customRules;
    if (doc.isConfig && list === undefined) continue;
    const schema = schemaProblem(doc.isConfig ? { customRules: list ?? null } : doc.value);
    if (!isRuleList(list)) return fail(schema ?? { path: ['customRules'], message: 'customRules must be a list of rules' });
    const schemaRule = schema && schema.path[0] === 'customRules' && typeof schema.path[1] === 'number' ? schema.path[1] : -1;
    if (schema && schemaRule < 0) fail(schema);
    list.forEach((raw, i) => {
      const at: JsonPath = ['customRules', i];
      if (schema && schemaRule <= i) fail(schema);
      const form = formProblem(raw, at);
      if (form) fail(form);
      const spec = raw as unknown as CustomRuleSpec;
      const idAt = doc.locate([...at, 'id']).start;
      if (reserved.has(spec.id)) fail({ path: [...at, 'id'], message: `custom rule id "${spec.id}" is the id of a built-in rule; choose another` });
      const before = declared.get(spec.id);
      if (before) fail({ path: [...at, 'id'], message: `custom rule id "${spec.id}" is already declared at ${before}; ids must be unique` });
      declared.set(spec.id, `${doc.file}:${idAt.line}:${idAt.column}`);
      const meta = metaOf(spec, `${doc.file}:${idAt.line}`);
      try {
        rules.push(spec.reach ? compileReach(spec, meta) : compileStructural(spec, meta));
      } catch (err) {
        if (!(err instanceof RuleDataError)) throw err;
        fail({ path: [...at, ...err.path], message: `custom rule "${spec.id}": ${formatPath(err.path) ? `${formatPath(err.path)}: ` : ''}${err.message}` });
      }
    });
  }
  return rules;
}

const withPeriod = (s: string): string => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

function metaOf(spec: CustomRuleSpec, where: string): RuleMeta {
  const sentence = (s: string): string => s.trim().replace(/\.$/, '');
  const description = sentence(spec.description);
  return {
    id: spec.id,
    description,
    // explain shows where a house rule lives, since it is not documented with the built-ins.
    rationale: `${withPeriod(spec.rationale ?? description)} Custom rule declared at ${where}.`,
    remediation: spec.remediation === undefined ? 'Change the resource so that it follows this house rule, or suppress the finding with a reason.' : withPeriod(spec.remediation),
    severity: spec.severity ?? 'warning',
    tags: ['custom', ...(spec.tags ?? [])],
    ...(spec.example ? { example: spec.example } : {}),
  };
}
