// src/schema.ts and schemas/: which kinds are validated, how findings reach the engine, and rules the schemas keep.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import schemaRule from '../rules/schema.js';
import { KIND_SCHEMAS, schemaId, schemaNameFor } from '../src/schema.js';
import { ROOT } from './helpers/cli.js';
import { findingsOf } from './helpers/rule-tester.js';

/** Schema files owned by other features (the config file, custom rules), not manifest schemas. */
const OTHER_SCHEMAS = new Set(['config.schema.json', 'custom-rules.schema.json']);
const manifestSchemaFiles = readdirSync(join(ROOT, 'schemas')).filter((f) => f.endsWith('.schema.json') && !OTHER_SCHEMAS.has(f));

type Node = Record<string, unknown>;
function* nodes(v: unknown, path = '#'): Generator<[string, Node]> {
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* nodes(v[i], `${path}/${i}`);
  else if (v !== null && typeof v === 'object') {
    yield [path, v as Node];
    for (const [k, x] of Object.entries(v)) yield* nodes(x, `${path}/${k}`);
  }
}

describe('which manifests are validated', () => {
  it('maps every kind of the brief, in each served version, to its schema', () => {
    const cases: [string, string, string | undefined][] = [
      ...['v1alpha3', 'v1beta1', 'v1'].flatMap((v): [string, string, string][] => [
        [`networking.istio.io/${v}`, 'Sidecar', 'sidecar'],
        [`networking.istio.io/${v}`, 'ServiceEntry', 'serviceentry'],
        [`networking.istio.io/${v}`, 'VirtualService', 'virtualservice'],
      ]),
      ['v1', 'Service', 'service'],
      ['v1', 'Namespace', 'namespace'],
      ['v1', 'Pod', 'pod'],
      ['v1', 'ConfigMap', 'configmap'],
      ['apps/v1', 'Deployment', 'deployment'],
      ['apps/v1', 'StatefulSet', 'statefulset'],
      ['apps/v1', 'DaemonSet', 'daemonset'],
      ['apps/v1', 'ReplicaSet', 'replicaset'],
      ['batch/v1', 'Job', 'job'],
      ['batch/v1', 'CronJob', 'cronjob'],
      ['install.istio.io/v1alpha1', 'IstioOperator', 'istiooperator'],
      // Not validated: other kinds, removed or unknown versions, and names that merely look alike.
      ['networking.istio.io/v1', 'DestinationRule', undefined],
      ['networking.istio.io/v2', 'Sidecar', undefined],
      ['extensions/v1beta1', 'Deployment', undefined],
      ['apps/v1beta2', 'Deployment', undefined],
      ['v1', 'sidecar', undefined],
      ['v1', 'constructor', undefined],
      ['v1', '__proto__', undefined],
    ];
    expect(cases.map(([api, kind]) => schemaNameFor(api, kind))).toEqual(cases.map((c) => c[2]));
  });

  it('the findings are errors of rule schema, about the resource they are on', () => {
    const yaml = 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: { name: s, namespace: shop }\nspec:\n  outboundTrafficPolicy: { mode: 1 }\n';
    expect(findingsOf(schemaRule, { name: 'x', yaml })).toEqual([
      expect.objectContaining({
        ruleId: 'schema',
        severity: 'error',
        line: 5,
        column: 34,
        message: 'spec.outboundTrafficPolicy.mode must be one of "ALLOW_ANY", "REGISTRY_ONLY", got 1',
        resource: { kind: 'Sidecar', namespace: 'shop', name: 's' },
      }),
    ]);
  });

  it('reports unknown meshConfig fields as warnings: istioctl ignores them', () => {
    const yaml = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  meshConfig:\n    accesLogFile: /dev/stdout\n';
    expect(findingsOf(schemaRule, { name: 'x', yaml }).map((f) => `${f.line}:${f.column} ${f.severity} ${f.message}`)).toEqual([
      '5:5 warning unknown field "accesLogFile" in spec.meshConfig is ignored by Istio (did you mean "accessLogFile"?)',
    ]);
  });
});

describe('the schema files', () => {
  const schemas = manifestSchemaFiles.map((f) => ({ file: f, json: JSON.parse(readFileSync(join(ROOT, 'schemas', f), 'utf8')) as Node }));

  it('are the kind schemas plus the shared definitions, each with the $id of its file name', () => {
    expect(schemas.map((s) => s.json.$id)).toEqual(manifestSchemaFiles.map((f) => schemaId(f.replace(/\.schema\.json$/, ''))));
    expect(KIND_SCHEMAS.filter((k) => !manifestSchemaFiles.includes(`${k}.schema.json`))).toEqual([]);
    expect(manifestSchemaFiles.filter((f) => !KIND_SCHEMAS.includes(f.replace(/\.schema\.json$/, ''))).sort()).toEqual([
      'istio-common.schema.json',
      'k8s-meta.schema.json',
      'k8s-pod.schema.json',
    ]);
  });

  it('word every reported pattern and "not" for people (x-expected), and use no anyOf/oneOf (their errors cannot be told apart)', () => {
    const problems: string[] = [];
    for (const { file, json } of schemas) {
      for (const [path, node] of nodes(json)) {
        if (path.endsWith('/properties') || path.endsWith('/$defs') || path.endsWith('/patternProperties')) continue;
        // An `if` only selects then/else; its own failures are never reported.
        if (/\/if(\/|$)/.test(path)) continue;
        if ((typeof node.pattern === 'string' || node.not !== undefined) && typeof node['x-expected'] !== 'string') problems.push(`${file}${path}: pattern or not without x-expected`);
        if (node.anyOf !== undefined || node.oneOf !== undefined) problems.push(`${file}${path}: anyOf/oneOf`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('forbid unknown fields in every Istio spec object they model (Istio CRDs are structural)', () => {
    const open: string[] = [];
    for (const file of ['sidecar.schema.json', 'serviceentry.schema.json', 'istio-common.schema.json']) {
      const json = schemas.find((s) => s.file === file)!.json;
      for (const [path, node] of nodes(json)) {
        if (node.type === 'object' && node.properties !== undefined && node.additionalProperties !== false && !/\/(if|then|else)(\/|$)/.test(path)) open.push(`${file}${path}`);
      }
    }
    expect(open).toEqual([]);
  });
});
