// The loader on its own: positions through BOMs, CRLF, Lists, anchors and merge keys; bounds on hostile YAML.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseSource, parseYaml } from '../src/loader/parse.js';
import { decode, readManifestFile } from '../src/loader/read.js';
import { MAX_BLOCK_COLUMN, MAX_NESTING, valueTooDeep } from '../src/loader/limits.js';

const NS = { defaultNamespace: 'default' };
const at = (r: { start: { line: number; column: number } }): string => `${r.start.line}:${r.start.column}`;

describe('positions', () => {
  const sidecar = [
    'apiVersion: networking.istio.io/v1',
    'kind: Sidecar',
    'metadata:',
    '  name: s',
    'spec:',
    '  egress:',
    '  - hosts:',
    '    - "./*"',
    '    - istio-system/*',
    '',
  ];

  it('point at the exact nested value, or at its key', () => {
    const f = parseSource('s.yaml', sidecar.join('\n'), NS);
    const m = f.manifests[0]!;
    expect(at(m.source.locate(0, ['spec', 'egress', 0, 'hosts', 1]))).toBe('9:7');
    expect(at(m.source.locate(0, ['spec', 'egress', 0, 'hosts'], 'key'))).toBe('7:5');
    // A path that does not exist points at its nearest existing parent.
    expect(at(m.source.locate(0, ['spec', 'egress', 0, 'port', 'number']))).toBe('7:5');
  });

  it('are right after a UTF-8 BOM and with CRLF line endings', () => {
    const bom = parseSource('b.yaml', '\ufeff' + sidecar.join('\r\n'), NS);
    expect(bom.reports).toEqual([]);
    expect(bom.source.text.startsWith('apiVersion')).toBe(true);
    expect(at(bom.source.locate(0, ['apiVersion'], 'key'))).toBe('1:1');
    expect(at(bom.source.locate(0, ['spec', 'egress', 0, 'hosts', 1]))).toBe('9:7');
    expect(bom.source.line(9)).toBe('    - istio-system/*');
  });

  it('keep List items apart, each with its own path and position', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: a}\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: b\n';
    const f = parseSource('l.yaml', text, NS);
    expect(f.manifests.map((m) => `${m.kind}/${m.name}@${m.basePath.join('.')}`)).toEqual(['Namespace/a@items.0', 'Service/b@items.1']);
    const svc = f.manifests[1]!;
    expect(at(svc.source.locate(svc.docIndex, [...svc.basePath, 'metadata', 'name']))).toBe('10:11');
  });

  it('follow aliases and merge keys to where the value is written', () => {
    const text = [
      'apiVersion: v1', // 1
      'kind: Service', // 2
      'metadata:', // 3
      '  name: m', // 4
      '  labels: &l {app: web}', // 5
      'spec:', // 6
      '  selector: *l', // 7
      '  ports:', // 8
      '  - &p {name: http, port: 80}', // 9
      '  - <<: *p', // 10
      '    port: 8080', // 11
      '',
    ].join('\n');
    const f = parseSource('a.yaml', text, NS);
    expect(f.reports).toEqual([]);
    const m = f.manifests[0]!;
    expect(m.value.spec).toEqual({ selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }, { name: 'http', port: 8080 }] });
    expect(at(m.source.locate(0, ['spec', 'selector', 'app']))).toBe('5:20');
    // A merged key points into the merged mapping; a key written beside the merge wins over it.
    expect(at(m.source.locate(0, ['spec', 'ports', 1, 'name']))).toBe('9:15');
    expect(at(m.source.locate(0, ['spec', 'ports', 1, 'port']))).toBe('11:11');
  });
});

describe('YAML as Kubernetes reads it', () => {
  it('reads YAML 1.1 booleans and octals but keeps timestamps and 1:20 as strings', () => {
    const { documents } = parseYaml('y.yaml', 'a: yes\nb: 0755\nc: 2024-01-02T03:04:05Z\nd: 1:20\ne: "80"\n');
    expect(documents[0]).toEqual({ a: true, b: 493, c: '2024-01-02T03:04:05Z', d: '1:20', e: '80' });
  });

  it('reports a duplicate key at the second one, naming the first line, and keeps reading', () => {
    const f = parseSource('d.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  name: b\n', NS);
    expect(f.reports.map((r) => `${r.ruleId} ${at(r.range)} ${r.message}`)).toEqual([
      'duplicate-key 5:3 key "name" is already defined on line 4: the API server rejects duplicate keys (and other tools keep either value); keep one',
    ]);
    expect(f.manifests.map((m) => m.name)).toEqual(['b']);
  });

  it('does not honour language tags: the value stays plain data, with a warning at the tag', () => {
    const { documents, reports } = parseYaml('t.yaml', 'f: !!js/function "function () { globalThis.pwned = 1 }"\no: !!python/object/apply:os.system ["id"]\n');
    expect(documents[0]).toEqual({ f: 'function () { globalThis.pwned = 1 }', o: ['id'] });
    expect(reports.map((r) => `${r.severity} ${at(r.range)} ${r.message}`)).toEqual([
      'warning 1:4 tag "!!js/function" is not supported: the value is read as plain data and nothing is executed; remove the tag',
      'warning 2:4 tag "!!python/object/apply:os.system" is not supported: the value is read as plain data and nothing is executed; remove the tag',
    ]);
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
  });

  it('keeps __proto__ and constructor as plain own keys', () => {
    const { documents } = parseYaml('p.yaml', '__proto__: {polluted: 1}\nconstructor: {prototype: {polluted: 2}}\na: {<<: {__proto__: {polluted: 3}}}\n');
    const doc = documents[0] as Record<string, unknown>;
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
    expect(Object.keys(doc)).toEqual(['__proto__', 'constructor', 'a']);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('reports a mapping used as a key, and prints no warning of its own', () => {
    const emitted = vi.spyOn(process, 'emitWarning');
    const logged = vi.spyOn(console, 'warn');
    const { reports } = parseYaml('k.yaml', 'labels:\n  ? {app: x}\n  : web\n');
    expect(reports.map((r) => `${r.ruleId} ${at(r.range)} ${r.message}`)).toEqual([
      'parse-error 2:5 a mapping or list is used as a key: Kubernetes objects need plain keys (check the indentation or quote the key)',
    ]);
    expect(emitted).not.toHaveBeenCalled();
    expect(logged).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('says what a non-resource is, and warns about half a resource', () => {
    const f = parseSource('n.yaml', 'replicas: 3\n---\n- a\n---\nkind: Service\nmetadata: {name: x}\n---\napiVersion: v1\nkind: [Service]\n---\n', NS);
    expect(f.manifests).toEqual([]);
    expect(f.reports.map((r) => `${r.severity} ${at(r.range)} ${r.message}`)).toEqual([
      'info 1:1 skipped document 1: it has no apiVersion and kind, so it is not a Kubernetes object',
      'info 3:1 skipped document 2: it is a list, not a Kubernetes object',
      'warning 5:1 skipped document 3: apiVersion must be a non-empty string (it is missing); kubectl rejects this object',
      'warning 9:7 skipped document 4: kind must be a non-empty string (got ["Service"]); kubectl rejects this object',
    ]);
  });

  it('reports only the first syntax error of a document, with a count, and reads the next document', () => {
    const f = parseSource('e.yaml', 'a: [1, 2\nb: }}\nc: ]]\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: ok}\n', NS);
    expect(f.reports).toHaveLength(1);
    expect(f.reports[0]!.message).toMatch(/\(and \d+ more syntax errors in document 1\)$/);
    expect(f.manifests.map((m) => m.name)).toEqual(['ok']);
  });
});

describe('bounds on hostile YAML', () => {
  const next = '\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: survivor}\n';

  it.each([
    ['flow sequences', 'a: ' + '['.repeat(10_000) + ']'.repeat(10_000), '1:259'],
    ['flow mappings', '{a: '.repeat(10_000) + '1' + '}'.repeat(10_000), '1:1025'],
  ])('refuses %s nested 10,000 deep with one finding at the first level too deep, and reads the next document', (_, text, pos) => {
    const f = parseSource('deep.yaml', text + next, NS);
    expect(f.reports.map((r) => `${r.ruleId} ${at(r.range)} ${r.message}`)).toEqual([
      `parse-error ${pos} document 1 is not read: it nests mappings and lists deeper than ${MAX_NESTING} levels`,
    ]);
    expect(f.manifests.map((m) => m.name)).toEqual(['survivor']);
  });

  it('refuses block mappings nested past the limit, and reads the next document', () => {
    let text = '';
    for (let i = 0; i < 300; i++) text += `${' '.repeat(i)}k:\n`;
    const f = parseSource('deep.yaml', text + next, NS);
    expect(f.reports.map((r) => `${r.ruleId} ${at(r.range)}`)).toEqual([`parse-error ${MAX_NESTING + 1}:${MAX_NESTING + 1}`]);
    expect(f.manifests.map((m) => m.name)).toEqual(['survivor']);
  });

  it('refuses a file whose block nesting is too deep to parse safely (10,000 levels) with one finding', () => {
    const f = parseSource('deep.yaml', '- '.repeat(10_000) + 'x' + next, NS);
    expect(f.reports.map((r) => `${r.ruleId} ${at(r.range)} ${r.message}`)).toEqual([
      `parse-error 1:20001 cannot read this file: a value starts right of column ${MAX_BLOCK_COLUMN}, so mappings and lists may nest deeper than can be read safely (the limit is ${MAX_NESTING} levels)`,
    ]);
  });

  it('does not mistake deeply indented text in a block scalar or a comment for nesting', () => {
    const pad = ' '.repeat(600);
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  script: |\n${pad}- not a list item\n${pad}# not a comment either\n  other: x\n${pad}# a comment\n`;
    const f = parseSource('c.yaml', text, NS);
    expect(f.reports).toEqual([]);
    expect(f.manifests[0]!.value.data).toEqual({ script: '- not a list item\n# not a comment either\n', other: 'x' });
  });

  it('accepts nesting up to the limit', () => {
    const f = parseYaml('ok.yaml', '['.repeat(MAX_NESTING) + ']'.repeat(MAX_NESTING));
    expect(f.reports).toEqual([]);
  });

  it('refuses nesting that only aliases make deep', () => {
    const lines = ['a0: &a0 ' + '['.repeat(200) + 'x' + ']'.repeat(200)];
    for (let i = 1; i < 3; i++) lines.push(`a${i}: &a${i} ${'['.repeat(200)}*a${i - 1}${']'.repeat(200)}`);
    const f = parseYaml('aliases.yaml', lines.join('\n'));
    expect(f.reports.map((r) => r.message)).toEqual([
      `document 1 is not read: once its aliases are expanded, it nests mappings and lists deeper than ${MAX_NESTING} levels`,
    ]);
  });

  it('refuses a billion-laughs alias bomb quickly, and keeps the other documents', () => {
    const rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [x, y] of ['ba', 'cb', 'dc', 'ed', 'fe', 'gf', 'hg', 'ih', 'ji', 'kj']) rows.push(`${x}: &${x} [${Array(9).fill(`*${y}`).join(',')}]`);
    const started = Date.now();
    const f = parseSource('bomb.yaml', rows.join('\n') + next, NS);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(f.reports.map((r) => `${r.ruleId} ${at(r.range)} ${r.message}`)).toEqual([
      'parse-error 1:1 document 1 is not read: it expands more than 1000 aliases (an alias bomb?)',
    ]);
    expect(f.manifests.map((m) => m.name)).toEqual(['survivor']);
  });

  // A quadratic duplicate-key check (the YAML library's own) takes minutes here; linear work takes seconds.
  it('stays linear on a mapping with 100,000 keys', { timeout: 60_000 }, () => {
    let text = 'data:\n';
    for (let i = 0; i < 100_000; i++) text += `  k${i}: v\n`;
    const started = Date.now();
    const f = parseYaml('wide.yaml', text + '  k5: again\n');
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(f.reports.map((r) => `${r.ruleId} ${at(r.range)}`)).toEqual(['duplicate-key 100002:3']);
  });

  it('refuses a file with more values than the bound, counting tokens, not lines in block scalars', () => {
    const many = parseYaml('many.yaml', 'a:\n' + '- 1\n'.repeat(600), 1000);
    expect(many.reports.map((r) => `${r.ruleId} ${at(r.range)} ${r.message}`)).toEqual([
      'parse-error 1:1 cannot read this file: it holds more than 1,000 values, the most read from one file (each costs memory; --max-file-size raises it); split the file',
    ]);
    expect(many.documents).toEqual([]);
    const text = `data:\n  script: |\n${'    - line, [with] {brackets}\n'.repeat(2000)}`;
    expect(parseYaml('text.yaml', text, 1000).reports).toEqual([]);
  });

  it('measures value depth through shared objects without recursion', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(valueTooDeep(deep)).toBe(true);
    const shared = { a: 1 };
    expect(valueTooDeep({ x: [shared, shared], y: { z: shared } })).toBe(false);
  });
});

describe('reading bytes', () => {
  const MB = 1024 * 1024;

  it('decodes UTF-16 with a byte order mark (Windows PowerShell output)', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('kind: Namespace\r\n', 'utf16le')]);
    expect(decode(le, MB)).toEqual({ ok: true, text: 'kind: Namespace\r\n' });
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decode(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), MB)).toEqual({ ok: true, text: 'kind: Namespace\r\n' });
  });

  it('refuses binary and invalid UTF-8, pointing at the first bad byte', () => {
    const bad = decode(Buffer.from('a: 1\nb: caf\xe9!\n', 'latin1'), MB);
    expect(bad).toMatchObject({ ok: false, ruleId: 'parse-error', at: { line: 2, column: 7 }, message: 'skipped: not valid UTF-8 (byte 0xe9); save the file as UTF-8' });
    // A multi-byte sequence cut short is reported at its first byte.
    expect(decode(Buffer.from([0x61, 0x0a, 0x62, 0xe2, 0x82, 0x41]), MB)).toMatchObject({ ok: false, at: { line: 2, column: 2 } });
    expect(decode(Buffer.from([0x61, 0x3a, 0x00, 0x01]), MB)).toMatchObject({ ok: false, message: 'skipped: binary file (it contains NUL bytes), not YAML or JSON' });
    expect(decode(Buffer.from('apiVersion: v1\nkind: Service\n', 'utf16le'), MB)).toMatchObject({ ok: false, message: expect.stringMatching(/UTF-16 .*without a byte order mark/) });
  });

  it('reads at most the size bound from devices and big files', () => {
    const read = readManifestFile('/dev/zero', MB);
    expect(read).toMatchObject({ ok: false, ruleId: 'read-error', message: 'skipped: the file is more than 1MB, over --max-file-size 1MB (raise the limit to lint it)' });
    const dir = mkdtempSync(join(tmpdir(), 'istio-lint-read-'));
    writeFileSync(join(dir, 'big.yaml'), 'a: ' + 'x'.repeat(2 * MB));
    expect(readManifestFile(join(dir, 'big.yaml'), MB)).toMatchObject({ ok: false, message: 'skipped: the file is 2.0MB, over --max-file-size 1MB (raise the limit to lint it)' });
    expect(readManifestFile(dir, MB)).toMatchObject({ ok: false, ruleId: 'read-error', message: 'is a directory' });
    expect(readManifestFile(join(dir, 'missing.yaml'), MB)).toMatchObject({ ok: false, ruleId: 'read-error', message: 'no such file or directory' });
  });
});
