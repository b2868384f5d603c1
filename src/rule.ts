// What a rule is: metadata beside a pure check that reports paths on resources.
import type { JsonPath } from './json.js';
import type { Mesh, Service, Sidecar, Workload } from './model/types.js';
import type { Manifest, Severity, Target } from './types.js';

export interface RuleMeta {
  /** kebab-case, equal to the file name in rules/. */
  readonly id: string;
  /** One sentence, no trailing period: what the rule flags. */
  readonly description: string;
  /** Why it matters: what Istio actually does. */
  readonly rationale: string;
  /** What to change; ends with a period. */
  readonly remediation: string;
  readonly severity: Severity;
  /** Kinds the check is called for; omitted for rules reported by the loader or engine. */
  readonly kinds?: readonly string[];
  /** The same check in istioctl analyze (IST…) or Kiali (KIA…). */
  readonly peers?: readonly string[];
  /** A short manifest that triggers the rule, shown in docs. */
  readonly example?: string;
  /** SARIF tags; "security" marks rules whose findings weaken isolation. */
  readonly tags?: readonly string[];
}

export interface ReportDescriptor {
  readonly message: string;
  readonly path: JsonPath;
  readonly target?: Target;
  /** Defaults to the manifest being checked. */
  readonly manifest?: Manifest;
  /** Lower than the rule's severity for a softer variant of the finding. */
  readonly severity?: Severity;
}

/** Read-only facts a rule may consult; it reports only through `report`. */
export interface RuleContext {
  readonly mesh: Mesh;
  sidecarOf(m: Manifest): Sidecar | undefined;
  workloadOf(m: Manifest): Workload | undefined;
  /** Services built from this manifest (one per ServiceEntry host). */
  servicesOf(m: Manifest): readonly Service[];
  report(r: ReportDescriptor): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  /** Absent for rules whose findings come from the loader (parse-error) or the engine. */
  check?(manifest: Manifest, ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return Object.freeze(rule);
}
