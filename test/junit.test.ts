import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { escapeXml, junit } from '../src/formatters/junit.js';
import { finding, formatInput, MANY } from './helpers/format-input.js';
import { runCli, tempTree } from './helpers/cli.js';

const RESOURCES = [
  { file: 'deploy/sidecar.yaml', kind: 'Sidecar', namespace: 'foo', name: 'restrict' },
  { file: 'deploy/sidecar.yaml', kind: 'Sidecar', namespace: 'foo', name: 'clean' },
  { file: 'deploy/ns.yaml', kind: 'Namespace', namespace: '', name: 'foo' },
];

// A real XML parser (Python's, present wherever pre-commit is) judges well-formedness; absent, the check is skipped.
const python = spawnSync('python3', ['--version']).status === 0;
function parseXml(xml: string): string {
  const code = 'import sys, xml.etree.ElementTree as E\nr = E.fromstring(sys.stdin.buffer.read())\nprint(";".join(f"{s.get(\'name\')}:{len(s)}" for s in r))';
  const r = spawnSync('python3', ['-c', code], { input: xml, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

describe('junit formatter', () => {
  const xml = junit(formatInput(MANY, { resourceList: RESOURCES }));

  it('has a suite per file, a failing test per error or warning, a skipped one per suppression', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="istio-lint" tests="9" failures="3" errors="0" skipped="3">')).toBe(true);
    expect(xml).toContain('<testsuite name="deploy/sidecar.yaml" tests="6" failures="2" errors="0" skipped="3">');
    expect(xml).toContain('<testsuite name="broken.yaml" tests="1" failures="1" errors="0" skipped="0">');
    expect(xml).toContain(
      '<testcase classname="deploy/sidecar.yaml" name="egress-host-format: Sidecar foo/restrict (9:9)" file="deploy/sidecar.yaml" time="0">\n' +
        '      <failure message="egress host &quot;helloworld&quot; is not namespace/dnsName → write &quot;foo/helloworld&quot;" type="egress-host-format">',
    );
    expect(xml).toContain('<skipped message="suppressed by annotation: migrating next sprint"/>');
    expect(xml).toContain('at deploy/sidecar.yaml:9:9\nrule: egress-host-format (https://');
  });

  it('lists clean resources as passing tests and info findings as output', () => {
    expect(xml).toContain('<testcase classname="deploy/sidecar.yaml" name="Sidecar foo/clean" file="deploy/sidecar.yaml" time="0"/>');
    expect(xml).toContain('<testcase classname="deploy/ns.yaml" name="Namespace foo" file="deploy/ns.yaml" time="0"/>');
    expect(xml).not.toContain('name="Sidecar foo/restrict"');
    expect(xml).toMatch(/name="service-port-protocol: Service foo\/web \(8:11\)"[^\n]*>\n\s*<system-out>info: port &quot;web&quot; has no protocol/);
  });

  it('escapes markup and characters XML cannot hold', () => {
    expect(escapeXml(`a<b>&"c'\u0001\u0008d\ttab`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;\uFFFD\uFFFDd\ttab');
    const odd = junit(formatInput([finding({ ruleId: 'parse-error', file: 'a&b.yaml', message: 'bad </failure> ]]> \u0007 "x"\nnext' })]));
    expect(odd).toContain('message="bad &lt;/failure&gt; ]]&gt; \uFFFD &quot;x&quot;&#10;next"');
    if (python) expect(parseXml(odd)).toBe('a&b.yaml:1;broken.yaml:0;deploy/sidecar.yaml:0');
  });

  it.skipIf(!python)('is well-formed XML', () => {
    expect(parseXml(xml)).toBe('broken.yaml:1;deploy/ns.yaml:1;deploy/sidecar.yaml:6;deploy/svc.yaml:1');
  });
});

describe('--format junit from the command line', () => {
  it('reports the resources of a tree, failing the one with a duplicate key', async () => {
    const dir = tempTree({
      'a.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  name: b\n',
      'b.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ok\n',
    });
    const r = await runCli(['--format', 'junit', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/<testsuite name="a.yaml" tests="\d+" failures="1"/);
    expect(r.stdout).toContain('type="duplicate-key"');
    expect(r.stdout).toContain('<testcase classname="b.yaml" name="Namespace ok" file="b.yaml" time="0"/>');
  });
});
