// What a rule is: metadata beside a pure check that reports paths on resources.
import type { JsonObject, JsonPath } from './json.js';
import type { Mesh, Service, Sidecar, Workload } from './model/types.js';
import type { FixProposal, Manifest, Severity, Target } from './types.js';

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
  /**
   * How often a finding is right (SARIF `precision`; "high" when omitted): "very-high" for exact findings of the
   * loader, "medium" for findings that say "nothing in the input declares X" and so depend on the input being complete.
   */
  readonly precision?: 'very-high' | 'high' | 'medium' | 'low';
  /**
   * GitHub's security-severity (0.1–3.9 low, 4–6.9 medium, 7–8.9 high) for rules whose findings mean a restriction
   * the user wrote is not what Envoy enforces; it implies the "security" tag. A rule tagged "security" without it
   * gets a score from its default severity.
   */
  readonly securitySeverity?: number;
  /** The rule may attach fixes to its reports (`--fix`); the engine drops fixes of rules that do not say so. */
  readonly fixable?: boolean;
}

export interface ReportDescriptor {
  readonly message: string;
  readonly path: JsonPath;
  readonly target?: Target;
  /** Defaults to the manifest being checked. */
  readonly manifest?: Manifest;
  /** Lower than the rule's severity for a softer variant of the finding. */
  readonly severity?: Severity;
  /** A change that resolves the finding (only for rules whose meta says `fixable`). */
  readonly fix?: FixProposal;
  /** `path` is a path in the config file (e.g. ["expect", 2]), not on a manifest: the finding points there. */
  readonly inConfig?: boolean;
}

/** The config file as rules may read it, for sections that carry their own checks (expectations). */
export interface RuleConfig {
  /** As reports show it, relative to the working directory. */
  readonly file: string;
  readonly raw: JsonObject;
}

/** Read-only facts a rule may consult; it reports only through `report`. */
export interface RuleContext {
  readonly mesh: Mesh;
  sidecarOf(m: Manifest): Sidecar | undefined;
  workloadOf(m: Manifest): Workload | undefined;
  /** Services built from this manifest (one per ServiceEntry host). */
  servicesOf(m: Manifest): readonly Service[];
  /** Undefined when no config file is in use. */
  readonly config?: RuleConfig;
  /**
   * Where a node of a resource is (its metadata.name by default), for messages that point elsewhere: "file:line",
   * or "line N" when it is in the file of `from` (the manifest being checked, unless given). Positions are the engine's.
   */
  where(m: Manifest, path?: JsonPath, options?: { readonly from?: Manifest }): string;
  /** "Sidecar foo/b (sidecar.yaml:12)", or "Sidecar foo/b (line 12)" for a resource in the same file (see `where`). */
  ref(m: Manifest, options?: { readonly from?: Manifest }): string;
  report(r: ReportDescriptor): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  /** Absent for rules whose findings come from the loader (parse-error) or the engine. */
  check?(manifest: Manifest, ctx: RuleContext): void;
  /** Called once per run, after `check`, for findings about the input as a whole; reports name a manifest or inConfig. */
  checkMesh?(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return Object.freeze(rule);
}
