// Small manifests that trigger known findings, for the CLI tests: an error, a warning and an info note.
export const NS = (name: string): string => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;

/** schema error at 7:11: the port is a string. */
export const BAD_PORT = (name = 'web'): string => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  ports:\n  - port: "80"\n    name: http\n`;

/** not-a-resource warning at 1:1: kind without apiVersion. */
export const HALF = 'kind: Service\nmetadata:\n  name: half\n';

/** not-a-resource info at 1:1: a values file. */
export const VALUES = 'replicas: 3\nimage: nginx\n';

export type { JsonFinding, JsonOutput } from '../../src/formatters/json.js';
import type { JsonOutput } from '../../src/formatters/json.js';

export const out = (stdout: string): JsonOutput => JSON.parse(stdout) as JsonOutput;

/** `file:line:column severity rule-id` per finding. */
export const where = (stdout: string): string[] => out(stdout).findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId}`);
