// The built-in rules, listed explicitly so that the engine can be tested with any subset.
import type { Rule } from './rule.js';
import allowAnyUnenforced from '../rules/allow-any-unenforced.js';
import connectionPoolInvalid from '../rules/connection-pool-invalid.js';
import duplicateKey from '../rules/duplicate-key.js';
import duplicateResource from '../rules/duplicate-resource.js';
import egressHostFormat from '../rules/egress-host-format.js';
import egressHostNotVisible from '../rules/egress-host-not-visible.js';
import egressHostPortFiltered from '../rules/egress-host-port-filtered.js';
import egressHostRedundant from '../rules/egress-host-redundant.js';
import egressHostUnmatched from '../rules/egress-host-unmatched.js';
import egressHostsEmpty from '../rules/egress-hosts-empty.js';
import egressListenerOrder from '../rules/egress-listener-order.js';
import egressNamespaceUnknown from '../rules/egress-namespace-unknown.js';
import egressPortDuplicate from '../rules/egress-port-duplicate.js';
import egressPortReserved from '../rules/egress-port-reserved.js';
import egressPortTrimsService from '../rules/egress-port-trims-service.js';
import egressPortUnmatched from '../rules/egress-port-unmatched.js';
import egressProtocolMismatch from '../rules/egress-protocol-mismatch.js';
import egressProxyDeprecated from '../rules/egress-proxy-deprecated.js';
import egressProxyInvalid from '../rules/egress-proxy-invalid.js';
import egressUdsBind from '../rules/egress-uds-bind.js';
import expectationFailed from '../rules/expectation-failed.js';
import ingressDefaultEndpoint from '../rules/ingress-default-endpoint.js';
import ingressPoolProtocol from '../rules/ingress-pool-protocol.js';
import ingressPortDuplicate from '../rules/ingress-port-duplicate.js';
import ingressPortMismatch from '../rules/ingress-port-mismatch.js';
import ingressTlsInvalid from '../rules/ingress-tls-invalid.js';
import intendedCallBlocked from '../rules/intended-call-blocked.js';
import listenerBindInvalid from '../rules/listener-bind-invalid.js';
import namespaceInjectionLabels from '../rules/namespace-injection-labels.js';
import namespaceNotInjected from '../rules/namespace-not-injected.js';
import namespaceSidecarConflict from '../rules/namespace-sidecar-conflict.js';
import notAResource from '../rules/not-a-resource.js';
import outboundPolicyEmptyMode from '../rules/outbound-policy-empty-mode.js';
import parseError from '../rules/parse-error.js';
import readError from '../rules/read-error.js';
import registryOnlyUnregisteredHost from '../rules/registry-only-unregistered-host.js';
import rootSidecarDotHost from '../rules/root-sidecar-dot-host.js';
import rootSidecarSelector from '../rules/root-sidecar-selector.js';
import schema from '../rules/schema.js';
import selectorConflict from '../rules/selector-conflict.js';
import selectorEmptyLabels from '../rules/selector-empty-labels.js';
import selectorLabelInvalid from '../rules/selector-label-invalid.js';
import selectorNoMatch from '../rules/selector-no-match.js';
import serviceNoEndpoints from '../rules/service-no-endpoints.js';
import servicePortProtocol from '../rules/service-port-protocol.js';
import sidecarEmpty from '../rules/sidecar-empty.js';
import sidecarTargetPort from '../rules/sidecar-target-port.js';
import sidecarUnmeshedWorkload from '../rules/sidecar-unmeshed-workload.js';
import unusedSuppression from '../rules/unused-suppression.js';
import workloadInjectionIgnored from '../rules/workload-injection-ignored.js';

export const BUILTIN_RULES: readonly Rule[] = [
  allowAnyUnenforced,
  connectionPoolInvalid,
  duplicateKey,
  duplicateResource,
  egressHostFormat,
  egressHostNotVisible,
  egressHostPortFiltered,
  egressHostRedundant,
  egressHostUnmatched,
  egressHostsEmpty,
  egressListenerOrder,
  egressNamespaceUnknown,
  egressPortDuplicate,
  egressPortReserved,
  egressPortTrimsService,
  egressPortUnmatched,
  egressProtocolMismatch,
  egressProxyDeprecated,
  egressProxyInvalid,
  egressUdsBind,
  expectationFailed,
  ingressDefaultEndpoint,
  ingressPoolProtocol,
  ingressPortDuplicate,
  ingressPortMismatch,
  ingressTlsInvalid,
  intendedCallBlocked,
  listenerBindInvalid,
  namespaceInjectionLabels,
  namespaceNotInjected,
  namespaceSidecarConflict,
  notAResource,
  outboundPolicyEmptyMode,
  parseError,
  readError,
  registryOnlyUnregisteredHost,
  rootSidecarDotHost,
  rootSidecarSelector,
  schema,
  selectorConflict,
  selectorEmptyLabels,
  selectorLabelInvalid,
  selectorNoMatch,
  serviceNoEndpoints,
  servicePortProtocol,
  sidecarEmpty,
  sidecarTargetPort,
  sidecarUnmeshedWorkload,
  unusedSuppression,
  workloadInjectionIgnored,
].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
