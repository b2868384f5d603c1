// The shapes of a custom rule once its YAML has passed schemas/custom-rules.schema.json.
import type { JsonObject, JsonValue } from '../json.js';
import type { Severity } from '../types.js';

/** A glob or globs; "!glob" excludes. */
export type SelectorSpec = string | readonly string[];
export type LabelsSpec = Readonly<Record<string, string | number | boolean>>;

export type FunctionName = 'truthy' | 'falsy' | 'defined' | 'undefined' | 'pattern' | 'enumeration' | 'length' | 'schema';

export interface FunctionOptions {
  readonly match?: string;
  readonly notMatch?: string;
  readonly values?: readonly JsonValue[];
  readonly min?: number;
  readonly max?: number;
  readonly schema?: JsonObject | boolean;
}

export interface ThenSpec {
  readonly field?: string;
  readonly function: FunctionName;
  readonly functionOptions?: FunctionOptions;
}

export interface MatchSpec {
  readonly kinds?: readonly string[];
  readonly namespaces?: SelectorSpec;
  readonly names?: SelectorSpec;
  readonly labels?: LabelsSpec;
}

export type PortSpec = number | string;
export type VerdictSpec = number | string;

export interface ReachSpec {
  readonly from?: { readonly namespace?: SelectorSpec; readonly workload?: SelectorSpec; readonly labels?: LabelsSpec };
  readonly to?: { readonly namespace?: SelectorSpec; readonly host?: SelectorSpec; readonly port?: PortSpec | readonly PortSpec[] };
  readonly verdict: VerdictSpec | readonly VerdictSpec[];
}

export interface CustomRuleSpec {
  readonly id: string;
  readonly severity?: Severity;
  readonly description: string;
  readonly rationale?: string;
  readonly remediation?: string;
  readonly message?: string;
  readonly tags?: readonly string[];
  readonly example?: string;
  readonly match?: MatchSpec;
  readonly given?: string | readonly string[];
  readonly then?: ThenSpec | readonly ThenSpec[];
  readonly reach?: ReachSpec;
}

/** A problem in a rule's data, at a path inside that rule (["then", "functionOptions", "match"]). */
export class RuleDataError extends Error {
  constructor(
    readonly path: readonly (string | number)[],
    message: string,
  ) {
    super(message);
  }
}

export function listOf<T>(v: T | readonly T[] | undefined): readonly T[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? (v as readonly T[]) : [v as T];
}
