// A malformed custom rule stops the run: exit 2 and one line naming the rules file (or config), line and column.
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './helpers/cli.js';

const MANIFEST = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: default}\ndata: {}\n';
const rule = (body: string): string => `customRules:\n  - id: org/x\n    description: d\n${body}`;

async function failure(rulesFile: string): Promise<string> {
  const dir = tempTree({ 'r.yaml': rulesFile, 'a.yaml': MANIFEST });
  const r = await runCli(['--no-config', '--rules-file', 'r.yaml', 'a.yaml'], { cwd: dir });
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  return r.stderr.trimEnd().replace(/^istio-lint: /, '');
}

describe('malformed custom rules', () => {
  const cases: [string, string, string | RegExp][] = [
    ['an id without "/"', 'customRules:\n  - id: nope\n    description: d\n    given: $.spec\n    then: {function: truthy}\n', /^r\.yaml:2:9: customRules\[0\]\.id must contain a "\/"/],
    ['an unknown key', rule('    given: $.spec\n    then: {function: truthy}\n    sevrity: error\n'), 'r.yaml:6:5: unknown key "sevrity" in customRules[0]'],
    ['an unknown function', rule('    given: $.spec\n    then: {function: truthyy}\n'), /^r\.yaml:5:22: customRules\[0\]\.then\.function must be one of "truthy", "falsy"/],
    ['an unknown function in a then list', rule('    given: $.spec\n    then:\n      - {function: truthy}\n      - {function: nope}\n'), /^r\.yaml:7:20: customRules\[0\]\.then\[1\]\.function must be one of/],
    ['a bad severity', rule('    severity: fatal\n    given: $.spec\n    then: {function: truthy}\n'), 'r.yaml:4:15: customRules[0].severity must be one of "error", "warning", "info"'],
    ['a missing description', 'customRules:\n  - id: org/x\n    given: $.spec\n    then: {function: truthy}\n', 'r.yaml:2:5: customRules[0] needs the key "description"'],
    ['a JSONPath without $', rule('    given: spec.egress\n    then: {function: truthy}\n'), 'r.yaml:4:12: customRules[0].given must be a JSONPath starting with "$" (the resource)'],
    ['a filter expression', rule('    given: "$.spec.egress[?(@.port)]"\n    then: {function: truthy}\n'), /^r\.yaml:4:12: custom rule "org\/x": given: JSONPath "\$\.spec\.egress\[\?\(@\.port\)\]" uses the script expression/],
    ['a field with a script', rule('    given: $.spec\n    then: {field: "$[(@.length-1)]", function: truthy}\n'), /^r\.yaml:5:19: custom rule "org\/x": then\.field: JSONPath .* uses the script expression/],
    ['a backreference', rule("    given: $.spec\n    then: {function: pattern, functionOptions: {match: '(a)\\1'}}\n"), /^r\.yaml:5:56: custom rule "org\/x": then\.functionOptions\.match: regular expression .* is not valid RE2 syntax/],
    ['a regex flag RE2 lacks', rule("    given: $.spec\n    then: {function: pattern, functionOptions: {match: '/a/g'}}\n"), 'r.yaml:5:56: custom rule "org/x": then.functionOptions.match: regular expression flag "g" in "/a/g" is not supported (use i, m or s)'],
    ['pattern without options', rule('    given: $.spec\n    then: {function: pattern}\n'), 'r.yaml:5:11: custom rule "org/x": then.functionOptions: function "pattern" needs functionOptions.match or functionOptions.notMatch'],
    ['an option the function does not take', rule('    given: $.spec\n    then: {function: truthy, functionOptions: {values: [a]}}\n'), 'r.yaml:5:56: custom rule "org/x": then.functionOptions.values: function "truthy" takes no functionOptions'],
    ['length with min > max', rule('    given: $.spec\n    then: {function: length, functionOptions: {min: 3, max: 1}}\n'), 'r.yaml:5:53: custom rule "org/x": then.functionOptions.min: min 3 is greater than max 1'],
    ['a JSON Schema with an unknown keyword', rule('    given: $.spec\n    then: {function: schema, functionOptions: {schema: {type: object, requird: [a]}}}\n'), /^r\.yaml:5:56: custom rule "org\/x": then\.functionOptions\.schema: the JSON Schema cannot be used: .*unknown keyword: "requird"/],
    ['an unknown placeholder', rule('    message: "{{kind}} {{nmae}}"\n    given: $.spec\n    then: {function: truthy}\n'), /^r\.yaml:4:14: custom rule "org\/x": message: unknown placeholder \{\{nmae\}\} \(known: \{\{id\}\}/],
    ['both structural and reach', rule('    given: $.spec\n    then: {function: truthy}\n    reach: {verdict: [200]}\n'), /^r\.yaml:4:5: custom rule "org\/x" has both reach and given/],
    ['neither structural nor reach', rule(''), 'r.yaml:2:9: custom rule "org/x" needs given and then (a structural rule) or reach (a reachability rule)'],
    ['given without then', rule('    given: $.spec\n'), 'r.yaml:4:5: custom rule "org/x" has given but no then: add then: {function: …}'],
    ['an unknown verdict', rule('    reach: {verdict: [ok]}\n'), /^r\.yaml:4:23: customRules\[0\]\.reach\.verdict\[0\] must be one of 200, 502, 503, blackhole/],
    ['a bad port', rule('    reach: {to: {port: 0}, verdict: [200]}\n'), 'r.yaml:4:24: customRules[0].reach.to.port must be a port number (1-65535), or one after "!"'],
    ['a selector of the wrong type', rule('    match: {namespaces: 5}\n    given: $.spec\n    then: {function: truthy}\n'), 'r.yaml:4:25: customRules[0].match.namespaces must be a string or a list'],
    ['a duplicate id', rule('    given: $.spec\n    then: {function: truthy}\n  - id: org/x\n    description: again\n    given: $.spec\n    then: {function: truthy}\n'), 'r.yaml:6:9: custom rule id "org/x" is already declared at r.yaml:2:9; ids must be unique'],
    ['customRules not a list', 'customRules: {id: org/x}\n', 'r.yaml:1:14: customRules must be a list'],
    ['an unknown top-level key', 'customRules: []\nrules: {}\n', 'r.yaml:2:1: unknown key "rules" in the rules file'],
    ['a YAML syntax error', 'customRules:\n  - id: [org/x\n', /^r\.yaml:3:1: /],
    ['an empty file', '', 'r.yaml:1:1: a rules file must be a mapping with a customRules list'],
  ];
  for (const [name, text, expected] of cases) {
    it(name, async () => {
      const line = await failure(text);
      if (typeof expected === 'string') expect(line).toBe(expected);
      else expect(line).toMatch(expected);
    });
  }
});

describe('malformed rules in the config file', () => {
  it('point into .istio-lint.yaml', async () => {
    const dir = tempTree({ '.istio-lint.yaml': `namespace: x\n${rule('    given: $.spec\n    then: {function: truthy}\n    bogus: 1\n')}`, 'a.yaml': MANIFEST });
    const r = await runCli(['a.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('istio-lint: .istio-lint.yaml:7:5: unknown key "bogus" in customRules[0]\n');
  });

  it('an id declared in the config and in a rules file is a duplicate', async () => {
    const body = rule('    given: $.spec\n    then: {function: truthy}\n');
    const dir = tempTree({ '.istio-lint.yaml': body, 'r.yaml': body, 'a.yaml': MANIFEST });
    const r = await runCli(['--rules-file', 'r.yaml', 'a.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('istio-lint: r.yaml:2:9: custom rule id "org/x" is already declared at .istio-lint.yaml:2:9; ids must be unique\n');
  });

  it('a missing rules file is named at its place in rulesFiles', async () => {
    const dir = tempTree({ '.istio-lint.yaml': 'rulesFiles:\n  - policy/nothere.yaml\n', 'a.yaml': MANIFEST });
    const r = await runCli(['a.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('istio-lint: .istio-lint.yaml:2:5: cannot read the rules file "policy/nothere.yaml": no such file or directory\n');
  });

  it('a missing --rules-file is a usage error', async () => {
    const dir = tempTree({ 'a.yaml': MANIFEST });
    const r = await runCli(['--no-config', '--rules-file', 'nothere.yaml', 'a.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('istio-lint: --rules-file nothere.yaml: cannot read the file: no such file or directory\n');
  });

  it('rules and explain stop on a malformed rule too', async () => {
    const dir = tempTree({ 'r.yaml': rule('    given: $.spec\n'), 'a.yaml': MANIFEST });
    for (const cmd of [['rules'], ['explain', 'org/x']]) {
      const r = await runCli([...cmd, '--rules-file', 'r.yaml'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^istio-lint: r\.yaml:4:5: custom rule "org\/x" has given but no then/);
    }
  });
});
