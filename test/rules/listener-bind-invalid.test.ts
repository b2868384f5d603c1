import listenerBindInvalid from '../../rules/listener-bind-invalid.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(listenerBindInvalid, {
  valid: [{ name: 'IPv4 and IPv6 binds, and a unix bind on egress port 0', fixture: 'fixtures/rules/listener-bind-invalid/valid/binds.yaml' }],
  invalid: [
    {
      name: 'a hostname, unix sockets on an ingress and on a numbered egress port, a bad IP',
      fixture: 'fixtures/rules/listener-bind-invalid/invalid/binds.yaml',
      errors: [
        { line: 13, column: 13, message: 'bind "localhost" on spec.ingress[0] is not an IP address: use "127.0.0.1"' },
        { line: 19, column: 13, message: 'ingress listeners cannot listen on a Unix domain socket' },
        { line: 25, column: 13, message: 'a unix:// bind needs port number 0' },
        { line: 31, column: 13, message: 'bind "10.0.0.300"' },
      ],
    },
  ],
});
