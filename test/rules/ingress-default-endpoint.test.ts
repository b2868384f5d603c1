import ingressDefaultEndpoint from '../../rules/ingress-default-endpoint.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(ingressDefaultEndpoint, {
  valid: [{ name: 'loopback, pod IP, IPv6, port-only, unix and abstract sockets, unset', fixture: 'fixtures/rules/ingress-default-endpoint/valid/endpoints.yaml' }],
  invalid: [
    {
      name: 'bad hosts, ports and socket paths (TestValidateSidecar)',
      fixture: 'fixtures/rules/ingress-default-endpoint/invalid/endpoints.yaml',
      errors: [
        { line: 12, column: 24, message: 'defaultEndpoint "localhost:8080": host "localhost" is not 127.0.0.1, 0.0.0.0, [::1] or [::]; expected 127.0.0.1:PORT, 0.0.0.0:PORT, [::1]:PORT, [::]:PORT or unix:///path (e.g. "127.0.0.1:8080")' },
        { line: 17, column: 24, message: 'host "1.1.1.1"' },
        { line: 22, column: 24, message: 'port "http" is not a number' },
        { line: 27, column: 24, message: 'port 70000 is not between 1 and 65535' },
        { line: 32, column: 24, message: 'too many colons' },
        { line: 37, column: 24, message: '"relative/app.sock" is not an absolute path to a file' },
        { line: 42, column: 24, message: 'defaultEndpoint "127.0.0.1": no port' },
      ],
    },
  ],
});
