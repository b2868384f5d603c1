// Hostile input to the schema rule: deep nesting, huge arrays, prototype keys. Nothing crashes or leaks.
import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../src/json.js';
import { parseSource } from '../src/loader/parse.js';
import { validateManifest } from '../src/schema.js';
import { runCli, tempTree } from './helpers/cli.js';
import type { JsonFinding } from '../src/formatters/json.js';


async function schemaFindings(files: Record<string, string>): Promise<{ code: number; stderr: string; findings: JsonFinding[] }> {
  const run = await runCli(['.', '--format', 'json'], { cwd: tempTree(files) });
  const findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings.filter((f) => f.ruleId === 'schema');
  return { code: run.code, stderr: run.stderr, findings };
}

describe('schema validation of hostile input', () => {
  it('reports a 10,000-level nesting as one finding instead of overflowing the stack', () => {
    // The loader refuses such YAML already; an object built in code reaches the validator unbounded.
    const [m] = parseSource('deep.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: deep }\n', { defaultNamespace: 'default' }).manifests;
    let deep: JsonValue = 'leaf';
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    const value: JsonObject = { ...m!.value, data: { nested: deep } };
    expect(validateManifest({ ...m!, value })).toEqual([{ path: [], message: 'this ConfigMap is nested too deeply to validate (more than 500 levels)' }]);
  });

  it('caps the findings of a huge array and says how many more there are', async () => {
    const hosts = Array.from({ length: 100_000 }, (_, i) => `      - ${i}`).join('\n');
    const started = Date.now();
    const { code, stderr, findings } = await schemaFindings({
      'big.yaml': `apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: { name: big }\nspec:\n  egress:\n    - hosts:\n${hosts}\n`,
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(findings).toHaveLength(51);
    expect(findings[0]).toMatchObject({ line: 7, column: 9, message: 'spec.egress[0].hosts[0] must be a string, got 0 (put the value in quotes)' });
    expect(findings[50]).toMatchObject({ line: 57, column: 9, message: '99950 more schema problems in this Sidecar, from here on, not shown' });
  });

  it('treats __proto__ and constructor keys as unknown fields and pollutes nothing', async () => {
    const { findings } = await schemaFindings({
      'proto.yaml': `apiVersion: networking.istio.io/v1
kind: Sidecar
metadata: { name: proto }
spec:
  __proto__:
    polluted: true
  constructor: { name: x }
  egress:
    - hosts: ["./*"]
      toString: x
`,
    });
    expect(findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '5:3 unknown field "__proto__" in spec (expected one of: egress, inboundConnectionPool, ingress, outboundTrafficPolicy, workloadSelector)',
      '7:3 unknown field "constructor" in spec (expected one of: egress, inboundConnectionPool, ingress, outboundTrafficPolicy, workloadSelector)',
      '10:7 unknown field "toString" in spec.egress[0] (expected one of: bind, captureMode, hosts, port)',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('checks a label named __proto__ like any other label (an invalid key: it starts with "_")', async () => {
    const { findings } = await schemaFindings({
      'labels.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns\n  labels:\n    __proto__: 5\n',
    });
    expect(findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '6:5 key "__proto__" in metadata.labels must be a key of the form [prefix/]name (an optional DNS subdomain prefix, and a name of at most 63 letters, digits, \'-\', \'_\' or \'.\' that starts and ends with a letter or digit)',
      "6:16 metadata.labels.__proto__ must be a label value (a string of at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit), got 5 (put the value in quotes)",
    ]);
  });
});
