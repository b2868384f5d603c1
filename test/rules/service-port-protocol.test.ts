import servicePortProtocol from '../../rules/service-port-protocol.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(servicePortProtocol, {
  valid: [
    {
      name: 'prefixed names, appProtocol, TCP-by-default and UDP ports; control-plane, gateway and system Services (service-port-name.yaml)',
      fixture: 'fixtures/rules/service-port-protocol/valid/service-port-name.yaml',
    },
    { name: 'the seed Services', fixture: 'fixtures/seed/service.yaml' },
  ],
  invalid: [
    {
      name: 'unnamed ports, a name without a protocol, an unknown appProtocol, an ExternalName port named tcp (IST0118, IST0150)',
      fixture: 'fixtures/rules/service-port-protocol/invalid/service-no-port-name.yaml',
      errors: [
        { line: 10, column: 13, endColumn: 17, severity: 'info', message: 'port 8080 has no name or appProtocol, so Istio sniffs the protocol: name it "http-8080" or "tcp-8080", or set appProtocol' },
        { line: 12, column: 13, message: 'port 8081 has no name' },
        { line: 24, column: 13, message: 'port 8080 is named "foo", which does not start with a protocol' },
        { line: 26, column: 13, message: 'rename it to "tcp-dns"' },
        { line: 29, column: 20, message: 'appProtocol "websocket" of port 8082 is not a protocol Istio knows' },
        { line: 41, column: 13, message: 'port 443 of ExternalName Service nginx is named "tcp"' },
      ],
    },
  ],
});
