import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, github } from '../src/formatters/github.js';
import { finding, formatInput, MANY } from './helpers/format-input.js';
import { runCli, tempTree } from './helpers/cli.js';

describe('github formatter', () => {
  it('prints one workflow command per unsuppressed finding, errors first, with its range and rule', () => {
    expect(github(formatInput(MANY)).split('\n')).toEqual([
      '::error file=deploy/sidecar.yaml,line=9,col=9,endLine=9,endColumn=21,title=egress-host-format::egress host "helloworld" is not namespace/dnsName → write "foo/helloworld"',
      '::error file=broken.yaml,line=3,col=1,endLine=3,endColumn=2,title=parse-error::unexpected end of the stream',
      '::warning file=deploy/sidecar.yaml,line=7,col=3,endLine=7,endColumn=9,title=allow-any-unenforced::egress hosts restrict, but the policy is ALLOW_ANY',
      '::notice file=deploy/svc.yaml,line=8,col=11,endLine=8,endColumn=14,title=service-port-protocol::port "web" has no protocol',
      '',
    ]);
  });

  it('escapes what GitHub would read as command syntax', () => {
    expect(escapeData('100% sure\r\nnext: a,b')).toBe('100%25 sure%0D%0Anext: a,b');
    expect(escapeProperty('dir:a,b%/x.yaml')).toBe('dir%3Aa%2Cb%25/x.yaml');
    const line = github(formatInput([finding({ ruleId: 'parse-error', file: 'a,b:c.yaml', message: 'line one\nline two 50%' })]));
    expect(line).toBe('::error file=a%2Cb%3Ac.yaml,line=9,col=9,endLine=9,endColumn=21,title=parse-error::line one%0Aline two 50%25\n');
  });

  it('gives a multi-line range its lines only, since annotations take columns on one line', () => {
    const line = github(formatInput([finding({ ruleId: 'parse-error', line: 3, column: 5, endLine: 6, endColumn: 2 })]));
    expect(line).toBe('::error file=deploy/sidecar.yaml,line=3,endLine=6,title=parse-error::egress host "helloworld" is not namespace/dnsName → write "foo/helloworld"\n');
  });

  it('says how many findings GitHub will not show as annotations', () => {
    const many = Array.from({ length: 12 }, (_, i) => finding({ ruleId: 'egress-host-format', line: i + 1, endLine: i + 1 }));
    const lines = github(formatInput(many)).trim().split('\n');
    expect(lines).toHaveLength(13);
    expect(lines.at(-1)).toBe('::notice title=istio-lint::12 errors: GitHub shows 10 annotations per level and step; the log above and the SARIF report list all');
  });

  it('prints nothing on a clean run', () => {
    expect(github(formatInput([]))).toBe('');
  });
});

describe('--format github from the command line', () => {
  it('annotates a duplicate key at its position, relative to the working directory', async () => {
    const dir = tempTree({ 'deploy/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  name: b\n' });
    const r = await runCli(['--format', 'github', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=deploy\/ns\.yaml,line=5,col=3,endLine=5,endColumn=\d+,title=duplicate-key::/m);
  });
});
