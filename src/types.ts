// The shared vocabulary of every stage: sources, resources, positions, findings.
import type { JsonObject, JsonPath, JsonValue } from './json.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

/** 1-based line and column; an end is one past the last character (the SARIF convention). */
export interface Position {
  readonly line: number;
  readonly column: number;
}
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Where a value should be pointed at: its key (`name:`) or its value (default). */
export type Target = 'key' | 'value';

/** One input text, as read; `locate` is the only way from a path to a position. */
export interface SourceFile {
  /** As shown in reports: relative to the working directory, or the stdin name. */
  readonly path: string;
  readonly text: string;
  /** Range of the node at `path` in document `docIndex`, or of its nearest existing ancestor. */
  locate(docIndex: number, path: JsonPath, target?: Target): Range;
  /** Range of the whole document (its first line when empty). */
  documentRange(docIndex: number): Range;
  /** The text of one line (1-based), without its line break. */
  line(n: number): string;
}

export interface ResourceRef {
  readonly kind: string;
  readonly apiVersion: string;
  /** Effective namespace; "" for cluster-scoped kinds. */
  readonly namespace: string;
  readonly name: string;
}

/** One Kubernetes object found in the input. */
export interface Manifest extends ResourceRef {
  readonly source: SourceFile;
  readonly docIndex: number;
  /** Path of this object inside its document: [] or ["items", 3] for a List item. */
  readonly basePath: JsonPath;
  readonly value: JsonObject;
  /** True when metadata.namespace was absent and the default namespace was applied. */
  readonly namespaceDefaulted: boolean;
}

/** What a rule says: a message about a path on a resource. The engine turns it into a Finding. */
export interface Report {
  readonly ruleId: string;
  readonly message: string;
  readonly manifest: Manifest;
  readonly path: JsonPath;
  readonly target?: Target;
  /** A smaller severity than the rule's default for this particular report (e.g. a note). */
  readonly severity?: Severity;
  readonly fix?: FixProposal;
}

/** A change a rule proposes with its report, on resources; the engine turns it into text edits (a Fix). */
export interface FixProposal {
  /** What the change does, e.g. `add "foo/a.foo.svc.cluster.local" to the hosts of egress[0] of Sidecar foo/s`. */
  readonly description: string;
  /** Items to append to sequences, e.g. a host to an egress listener's hosts; `manifest` defaults to the reported one. */
  readonly edits: readonly { readonly manifest?: Manifest; readonly path: JsonPath; readonly append: JsonValue }[];
}

/** Replace `range` of `file` with `newText`; an empty range inserts. Columns count UTF-16 code units, as Finding's do. */
export interface TextEdit {
  readonly file: string;
  readonly range: Range;
  readonly newText: string;
}

/** A machine-applicable fix of one finding: every edit applies, or none does. */
export interface Fix {
  readonly description: string;
  readonly edits: readonly TextEdit[];
}

/** A problem that is not about a resource: a YAML error, an unreadable file, a non-Kubernetes document. */
export interface FileReport {
  readonly ruleId: string;
  readonly message: string;
  readonly file: string;
  readonly range: Range;
  readonly severity?: Severity;
}

export interface Suppression {
  readonly kind: 'annotation' | 'comment' | 'config';
  readonly justification: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** Absent for findings about a file rather than a resource. */
  readonly resource?: { readonly kind: string; readonly namespace: string; readonly name: string };
  readonly path?: JsonPath;
  readonly suppressed?: Suppression;
  /** Set when the rule proposed a change that could be turned into text edits (see --fix). */
  readonly fix?: Fix;
}
