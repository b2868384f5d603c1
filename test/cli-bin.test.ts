// The real executable (dist/, built by `npm ci` through `prepare`): stdin bytes, closed pipes, exit codes.
// Skipped with a reason when dist/ is missing or older than the sources it is built from.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';
import { BIN, builtFrom } from './helpers/bin.js';
import { BAD_PORT, NS } from './helpers/manifests.js';

const fresh = builtFrom(['src/cli/bin.ts', 'src/cli/inputs.ts', 'src/loader/read.ts', 'src/loader/parse.ts']);

function run(args: string[], input?: string | Buffer, shell?: string) {
  const r = shell
    ? spawnSync('bash', ['-c', shell], { cwd: ROOT, encoding: 'utf8' })
    : spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!fresh)('the istio-lint executable (skipped when dist/ is not built from the current sources: run npm run build)', () => {
  it('lints stdin', () => {
    const r = run(['--no-config', '--format', 'json', '--stdin-filename', 'svc.yaml', '-'], BAD_PORT());
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { file: string; line: number }) => `${f.file}:${f.line}`)).toEqual(['svc.yaml:7']);
  });

  it('refuses binary and invalid UTF-8 on stdin with one line naming the position', () => {
    const binary = run(['--no-config', '-'], Buffer.from([0x61, 0x3a, 0x20, 0x00, 0x01, 0x02, 0x0a]));
    expect(binary.code).toBe(2);
    expect(binary.stderr).toBe('istio-lint: no input could be read: <stdin>: cannot read standard input: binary file (it contains NUL bytes), not YAML or JSON (line 1, column 4)\n');
    const latin1 = run(['--no-config', '-'], Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: caf\xe9}\n', 'latin1'));
    expect(latin1.stderr).toBe('istio-lint: no input could be read: <stdin>: cannot read standard input: not valid UTF-8 (byte 0xe9) (line 3, column 21)\n');
  });

  it('stdin that is empty, or closed at once, exits 2 with one line', () => {
    const empty = run([], undefined, `node ${JSON.stringify(BIN)} --no-config - < /dev/null`);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('istio-lint: no input could be read: <stdin>: standard input is empty: nothing to lint (did the command that pipes into istio-lint fail?)\n');
    const closed = run([], undefined, `node ${JSON.stringify(BIN)} --no-config - <&-`);
    expect(closed.code).toBe(2);
    expect(closed.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(closed.stderr).toMatch(/^istio-lint: no input could be read: <stdin>: /);
  });

  it('stdin larger than --max-file-size is cut off and reported, not buffered', () => {
    const r = run([], undefined, `head -c 50000000 /dev/zero | node ${JSON.stringify(BIN)} --no-config --max-file-size 1MB -`);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('istio-lint: no input could be read: <stdin>: cannot read standard input: more than --max-file-size 1MB arrived (raise the limit to lint it)\n');
  });

  it('a reader that closes the pipe early (| head) gets no stack trace', () => {
    const r = run([], undefined, `set -o pipefail; node ${JSON.stringify(BIN)} --no-config ${JSON.stringify(join(ROOT, '..', 'shared', 'corpus'))} fixtures/malformed | head -1 >/dev/null; echo "exit=$?" >&2`);
    expect(r.stderr).not.toMatch(/Error|at .*\.js/);
    expect(r.stderr).toMatch(/exit=\d+\n$/);
  });

  it('a process substitution (a pipe named as a file) is read like a file', () => {
    const r = run([], undefined, `node ${JSON.stringify(BIN)} --no-config --format json <(printf '${NS('piped').replace(/\n/g, '\\n')}')`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.resources).toBe(1);
  });
});
