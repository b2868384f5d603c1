// appendEdit: one item appended to a YAML sequence, every other byte of the file kept.
import { describe, expect, it } from 'vitest';
import { parseSource } from '../src/loader/parse.js';
import { appendEdit } from '../src/loader/edit.js';
import { applyFixes } from '../src/fix/apply.js';
import type { JsonPath, JsonValue } from '../src/json.js';

/** The text after appending `value` at `path` of document `doc`, or undefined when no edit is offered. */
function appended(text: string, path: JsonPath, value: JsonValue, doc = 0): string | undefined {
  const { source } = parseSource('x.yaml', text, { defaultNamespace: 'default' });
  const edit = appendEdit(source, doc, path, value);
  if (!edit) return undefined;
  const out = applyFixes(new Map([['x.yaml', text]]), [{ description: 'd', edits: [{ file: 'x.yaml', ...edit }] }]);
  return out.texts.get('x.yaml');
}

const SIDECAR = `# the shop's Sidecar
apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: default
  namespace: shop   # keep me
spec:
  egress:
    - port:
        number: 80
        protocol: HTTP
        name: egress-http
      hosts:
        - "foo/*"   # the foo team
        # - "bar/*" disabled for now
  outboundTrafficPolicy:
    mode: REGISTRY_ONLY
`;

describe('appendEdit', () => {
  it('adds a host after the last one, in its quoting, above comment lines that follow it', () => {
    expect(appended(SIDECAR, ['spec', 'egress', 0, 'hosts'], 'shop/a.shop.svc.cluster.local')).toBe(
      SIDECAR.replace('"foo/*"   # the foo team\n', '"foo/*"   # the foo team\n        - "shop/a.shop.svc.cluster.local"\n'),
    );
  });

  it('adds a listener as a block mapping indented like its siblings', () => {
    const listener = { port: { number: 8080, protocol: 'HTTP', name: 'http-8080' }, hosts: ['shop/a.shop.svc.cluster.local'] };
    expect(appended(SIDECAR, ['spec', 'egress'], listener)).toBe(
      SIDECAR.replace(
        '"foo/*"   # the foo team\n',
        '"foo/*"   # the foo team\n    - port:\n        number: 8080\n        protocol: HTTP\n        name: http-8080\n      hosts:\n        - "shop/a.shop.svc.cluster.local"\n',
      ),
    );
  });

  it('follows a file that does not indent sequences and uses 4-space mappings', () => {
    const text = 'spec:\n    egress:\n    -   hosts:\n        - ./*\n';
    expect(appended(text, ['spec', 'egress', 0, 'hosts'], 'foo/*')).toBe('spec:\n    egress:\n    -   hosts:\n        - ./*\n        - foo/*\n');
    expect(appended(text, ['spec', 'egress'], { hosts: ['*/x.com'] })).toBe('spec:\n    egress:\n    -   hosts:\n        - ./*\n    -   hosts:\n        - "*/x.com"\n');
  });

  it('quotes a plain-style value only when YAML needs it', () => {
    expect(appended('hosts:\n- a/b\n', ['hosts'], '*/c')).toBe('hosts:\n- a/b\n- "*/c"\n');
    expect(appended("hosts:\n- 'a/b'\n", ['hosts'], 'c/d')).toBe("hosts:\n- 'a/b'\n- 'c/d'\n");
  });

  it('appends inside flow sequences in the last item\'s quoting, JSON staying JSON', () => {
    expect(appended("hosts: [a/b, 'c/d']  # two\n", ['hosts'], 'e/f')).toBe("hosts: [a/b, 'c/d', 'e/f']  # two\n");
    expect(appended('hosts: []\n', ['hosts'], 'e/f')).toBe('hosts: [e/f]\n');
    const json = '{"spec": {"egress": [{"hosts": ["./*"]}]}}';
    expect(appended(json, ['spec', 'egress'], { hosts: ['a/b'] })).toBe('{"spec": {"egress": [{"hosts": ["./*"]}, {"hosts":["a/b"]}]}}');
  });

  it('keeps CRLF line endings and works in any document of a stream', () => {
    const text = 'a: 1\r\n---\r\nhosts:\r\n  - x/y\r\n---\r\nb: 2\r\n';
    expect(appended(text, ['hosts'], 'z/w', 1)).toBe('a: 1\r\n---\r\nhosts:\r\n  - x/y\r\n  - z/w\r\n---\r\nb: 2\r\n');
  });

  it('handles a last item without a final newline and a block scalar item', () => {
    expect(appended('hosts:\n  - x/y', ['hosts'], 'z/w')).toBe('hosts:\n  - x/y\n  - z/w');
    expect(appended('hosts:\n  - |\n    x/y\nnext: 1\n', ['hosts'], 'z/w')).toBe('hosts:\n  - |\n    x/y\n  - z/w\nnext: 1\n');
  });

  it('offers no edit through aliases, merge keys, or where there is no sequence', () => {
    expect(appended('base: &h [a/b]\nhosts: *h\n', ['hosts'], 'c/d')).toBeUndefined();
    expect(appended('base: &m {hosts: [a/b]}\nspec:\n  <<: *m\n', ['spec', 'hosts'], 'c/d')).toBeUndefined();
    expect(appended('hosts: a/b\n', ['hosts'], 'c/d')).toBeUndefined();
    expect(appended('spec: {}\n', ['spec', 'egress'], 'c/d')).toBeUndefined();
  });
});
