// The then functions, fields and match selectors of structural rules, on small manifests, with positions.
import { describe, expect, it } from 'vitest';
import { compileCustomRules, type RulesDocument } from '../src/custom/load.js';
import { lint, parseInputs } from '../src/engine.js';
import { asObject } from '../src/json.js';
import { parseYaml } from '../src/loader/parse.js';

function rulesOf(yaml: string): ReturnType<typeof compileCustomRules> {
  const parsed = parseYaml('rules.yaml', yaml);
  const doc: RulesDocument = { file: 'rules.yaml', value: asObject(parsed.documents[0])!, locate: (p, t) => parsed.source.locate(0, p, t) };
  return compileCustomRules([doc], new Set());
}

/** Findings of one rule `t/x` with the given body on the given manifests, as "line:col message". */
function check(body: string, manifests: string): string[] {
  const rules = rulesOf(`customRules:\n  - id: t/x\n    description: d\n${body}`);
  const result = lint(parseInputs([{ path: 'm.yaml', text: manifests }], 'default'), {
    rules,
    ruleSettings: {},
    defaultNamespace: 'default',
    assumeInjected: true,
    meshLayers: [],
  });
  return result.findings.filter((f) => f.ruleId === 't/x').map((f) => `${f.line}:${f.column} ${f.message}`);
}

const CM = `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
  namespace: apps
  labels:
    team: blue
data:
  empty: ""
  zero: "0"
  mode: strict
  list: "a,b"
  nested:
    deep: 1
`;
// Line numbers in CM: name 4, labels 6, team value 7:11, data 8, empty 9:10, mode 11:9, nested 13:3.

const rule = (given: string, then: string, extra = ''): string => `${extra}    given: ${given}\n    then: ${then}\n`;

describe('functions', () => {
  it('truthy / falsy', () => {
    expect(check(rule('$.data.mode', '{function: truthy}'), CM)).toEqual([]);
    expect(check(rule('$.data.empty', '{function: truthy}'), CM)).toEqual(['9:10 data.empty is "", expected a value other than absent, null, false, 0 or ""']);
    expect(check(rule('$.data.missing', '{function: truthy}'), CM)).toEqual(['8:1 data.missing is absent, expected a value other than absent, null, false, 0 or ""']);
    expect(check(rule('$.data.missing', '{function: falsy}'), CM)).toEqual([]);
    expect(check(rule('$.data.mode', '{function: falsy}'), CM)).toEqual(['11:9 data.mode is "strict", expected absent, null, false, 0 or ""']);
  });

  it('defined / undefined', () => {
    expect(check(rule('$.data.empty', '{function: defined}'), CM)).toEqual([]);
    expect(check(rule('$.spec.replicas', '{function: defined}'), CM)).toEqual(['1:1 spec.replicas is absent, expected it to be set']);
    expect(check(rule('$.data.nested', '{function: undefined}'), CM)).toEqual(['13:3 data.nested is set to {"deep":1}, expected it to be absent']);
    expect(check(rule('$.data.nope', '{function: undefined}'), CM)).toEqual([]);
  });

  it('pattern: match, notMatch, flags, numbers as written, absent values', () => {
    expect(check(rule('$.data.mode', "{function: pattern, functionOptions: {match: '^str'}}"), CM)).toEqual([]);
    expect(check(rule('$.data.mode', "{function: pattern, functionOptions: {match: '^STR'}}"), CM)).toEqual(['11:9 data.mode is "strict", expected it to match /^STR/']);
    expect(check(rule('$.data.mode', "{function: pattern, functionOptions: {match: '/^STR/i'}}"), CM)).toEqual([]);
    expect(check(rule('$.data.nested.deep', "{function: pattern, functionOptions: {match: '^1$'}}"), CM)).toEqual([]);
    expect(check(rule('$.data.absent', "{function: pattern, functionOptions: {match: 'x'}}"), CM)).toEqual(['8:1 data.absent is absent, expected it to match /x/']);
    expect(check(rule('$.data.absent', "{function: pattern, functionOptions: {notMatch: 'x'}}"), CM)).toEqual([]);
    expect(check(rule('$.data.list', "{function: pattern, functionOptions: {notMatch: ','}}"), CM)).toEqual(['12:9 data.list is "a,b", expected it not to match /,/']);
  });

  it('enumeration compares values exactly', () => {
    expect(check(rule('$.data.zero', '{function: enumeration, functionOptions: {values: ["0", strict]}}'), CM)).toEqual([]);
    expect(check(rule('$.data.zero', '{function: enumeration, functionOptions: {values: [0]}}'), CM)).toEqual(['10:9 data.zero is "0", expected one of 0']);
  });

  it('length of strings, lists and mappings; absent is 0', () => {
    expect(check(rule('$.data', '{function: length, functionOptions: {max: 3}}'), CM)).toEqual(['8:1 data has length 5, expected at most 3']);
    expect(check(rule('$.data.mode', '{function: length, functionOptions: {min: 2, max: 6}}'), CM)).toEqual([]);
    expect(check(rule('$.data.none', '{function: length, functionOptions: {max: 2}}'), CM)).toEqual([]);
    expect(check(rule('$.data.none', '{function: length, functionOptions: {min: 1}}'), CM)).toEqual(['8:1 data.none is absent, expected at least 1']);
    expect(check(rule('$.data.nested.deep', '{function: length, functionOptions: {min: 1}}'), CM)).toEqual(['14:11 data.nested.deep is 1, expected a string, list or mapping to measure']);
  });

  it('schema reports each error at the node it concerns', () => {
    const schema = '{function: schema, functionOptions: {schema: {type: object, required: [team, owner], properties: {team: {enum: [red]}}}}}';
    expect(check(rule('$.metadata.labels', schema), CM)).toEqual([
      '6:3 metadata.labels needs the key "owner"',
      '7:11 metadata.labels.team must be one of "red"',
    ]);
    const closed = '{function: schema, functionOptions: {schema: {type: object, additionalProperties: false, properties: {team: {type: string}}}}}';
    expect(check(rule('$.metadata', closed), CM)).toEqual(['4:3 metadata.name is not a known key here', '5:3 metadata.namespace is not a known key here', '6:3 metadata.labels is not a known key here']);
  });
});

describe('given and then.field', () => {
  it('a list of givens and a list of thens', () => {
    const body = `    given: [$.data.mode, $.data.list]\n    then:\n      - {function: pattern, functionOptions: {notMatch: ','}}\n      - {function: length, functionOptions: {max: 3}}\n`;
    expect(check(body, CM)).toEqual(['11:9 data.mode has length 6, expected at most 3', '12:9 data.list is "a,b", expected it not to match /,/']);
  });

  it('wildcards and recursive descent select every node; a field narrows each', () => {
    expect(check(rule('$.data.*', "{function: pattern, functionOptions: {match: '^[a-z]+$'}}"), CM)).toEqual([
      '9:10 data.empty is "", expected it to match /^[a-z]+$/',
      '10:9 data.zero is "0", expected it to match /^[a-z]+$/',
      '12:9 data.list is "a,b", expected it to match /^[a-z]+$/',
      '13:3 data.nested is {"deep":1}, expected it to match /^[a-z]+$/',
    ]);
    expect(check(rule('$..deep', '{function: enumeration, functionOptions: {values: [2]}}'), CM)).toEqual(['14:11 data.nested.deep is 1, expected one of 2']);
    expect(check(rule('$.data', '{field: nested.deep, function: enumeration, functionOptions: {values: [2]}}'), CM)).toEqual(['14:11 data.nested.deep is 1, expected one of 2']);
    expect(check(rule('$.data', '{field: "$.nested.*", function: enumeration, functionOptions: {values: [2]}}'), CM)).toEqual(['14:11 data.nested.deep is 1, expected one of 2']);
    expect(check(rule('$.data', '{field: nested.missing, function: defined}'), CM)).toEqual(['13:3 data.nested.missing is absent, expected it to be set']);
  });

  it('@key and ~ check property names, pointing at the key', () => {
    expect(check(rule('$.data', "{field: '@key', function: pattern, functionOptions: {notMatch: '^(zero|list)$'}}"), CM)).toEqual([
      '10:3 data key "zero" is "zero", expected it not to match /^(zero|list)$/',
      '12:3 data key "list" is "list", expected it not to match /^(zero|list)$/',
    ]);
    expect(check(rule('$.metadata.labels.*~', "{function: pattern, functionOptions: {match: '^app'}}"), CM)).toEqual([
      '7:5 metadata.labels key "team" is "team", expected it to match /^app/',
    ]);
  });

  it('a path that selects nothing is reported once, at the nearest node that exists', () => {
    expect(check(rule('$.data.nested.a.b', '{function: defined}'), CM)).toEqual(['13:3 data.nested.a.b is absent, expected it to be set']);
    expect(check(rule('$.spec.egress[*].hosts[*]', '{function: defined}'), CM)).toEqual(['1:1 spec.egress[*].hosts[*] is absent, expected it to be set']);
  });
});

describe('match', () => {
  const body = (match: string): string => `    match: ${match}\n    given: $.data.mode\n    then: {function: falsy}\n`;
  const SECOND = CM.replace('name: cm', 'name: other').replace('namespace: apps', 'namespace: kube-system').replace('team: blue', 'team: red');
  const both = `${CM}---\n${SECOND}`;
  it('kinds, namespaces, names and labels select resources; "!" excludes', () => {
    expect(check(body('{kinds: [ConfigMap]}'), both)).toHaveLength(2);
    expect(check(body('{kinds: [Secret]}'), both)).toEqual([]);
    expect(check(body('{namespaces: ["kube-*"]}'), both)).toEqual(['26:9 data.mode is "strict", expected absent, null, false, 0 or ""']);
    expect(check(body('{namespaces: ["!kube-*"]}'), both)).toEqual(['11:9 data.mode is "strict", expected absent, null, false, 0 or ""']);
    expect(check(body('{names: [cm, other], labels: {team: blue}}'), both)).toEqual(['11:9 data.mode is "strict", expected absent, null, false, 0 or ""']);
  });

  it('a cluster-scoped resource has no namespace: only rules without match.namespaces see it', () => {
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n';
    const r = (m: string): string => `    match: ${m}\n    given: $.metadata.labels\n    then: {function: defined}\n`;
    expect(check(r('{kinds: [Namespace]}'), ns)).toEqual(['3:1 metadata.labels is absent, expected it to be set']);
    expect(check(r('{kinds: [Namespace], namespaces: ["*"]}'), ns)).toEqual([]);
  });
});
