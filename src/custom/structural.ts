// A structural custom rule: resources selected by `match`, nodes by the `given` JSONPath, checked by `then`.
import { asObject, asStringMap, formatPath, get, isObject, type JsonPath, type JsonValue } from '../json.js';
import { defineRule, type Rule, type RuleMeta } from '../rule.js';
import type { Manifest, Target } from '../types.js';
import { compileFunction, type CheckFunction } from './functions.js';
import { compilePath, displaySegments, nearestExisting, query, type CompiledPath } from './jsonpath.js';
import { globSelector, labelSelector } from './select.js';
import { compileTemplate, STRUCTURAL_VARIABLES } from './template.js';
import { listOf, type CustomRuleSpec } from './types.js';

/** A node a function looks at: found, or the nearest existing parent of a path that selected nothing. */
interface Subject {
  readonly path: JsonPath;
  readonly value: JsonValue | undefined;
  /** How the node reads in messages; for a missing node, the path that was asked for. */
  readonly text: string;
  /** Last name of the path asked for (a key, or the missing property). */
  readonly property: string;
  readonly missing: boolean;
  readonly isKey: boolean;
}

type FieldResolver = (node: Subject) => Subject[];

export function compileStructural(spec: CustomRuleSpec, meta: RuleMeta): Rule {
  const givenList = listOf(spec.given);
  const givens = givenList.map((g, i) => compilePath(g, Array.isArray(spec.given) ? ['given', i] : ['given']));
  const thens = listOf(spec.then).map((t, i) => {
    const where = Array.isArray(spec.then) ? ['then', i] : ['then'];
    return { field: compileField(t.field, [...where, 'field']), check: compileFunction(t, where) as CheckFunction };
  });
  const template = spec.message === undefined ? undefined : compileTemplate(spec.message, STRUCTURAL_VARIABLES, ['message']);
  const kinds = spec.match?.kinds;
  const inNamespace = spec.match?.namespaces === undefined ? () => true : globSelector(spec.match.namespaces);
  const named = globSelector(spec.match?.names);
  const labelled = labelSelector(spec.match?.labels);

  return defineRule({
    meta: { ...meta, ...(kinds ? { kinds } : {}) },
    check(m, ctx) {
      if (kinds && !kinds.includes(m.kind)) return;
      if (!inNamespace(m.namespace) || !named(m.name) || !labelled(asStringMap(asObject(m.value.metadata)?.labels))) return;
      for (const given of givens) {
        const nodes = select(m, given);
        for (const then of thens) {
          for (const node of nodes.flatMap(then.field)) {
            for (const failure of then.check(node.value, node.text || m.kind)) {
              const path = [...node.path, ...failure.path];
              const value = failure.path.length ? get(node.value, failure.path) : node.value;
              const message = template
                ? template({
                    id: meta.id,
                    severity: meta.severity,
                    description: meta.description,
                    kind: m.kind,
                    apiVersion: m.apiVersion,
                    namespace: m.namespace,
                    name: m.name,
                    path: node.text,
                    property: failure.path.length ? String(failure.path[failure.path.length - 1]) : node.property,
                    value: plain(value),
                    error: failure.error,
                  })
                : failure.error;
              ctx.report({ message, path, target: targetOf(m, path, node.missing, node.isKey || failure.atKey === true) });
            }
          }
        }
      }
    },
  });
}

function select(m: Manifest, given: CompiledPath): Subject[] {
  const hits = query(m.value, given);
  if (!hits.length) {
    // Nothing selected: the function sees undefined, reported where the path stops existing.
    return [{ path: nearestExisting(m.value, given.segments), value: undefined, text: displaySegments(given.segments), property: lastName(given.segments), missing: true, isKey: false }];
  }
  return hits.map((h) => ({
    path: h.path,
    value: h.value,
    text: h.isKey ? `${formatPath(h.path.slice(0, -1)) || m.kind} key ${JSON.stringify(String(h.value))}` : formatPath(h.path),
    property: String(h.path[h.path.length - 1] ?? ''),
    missing: false,
    isKey: h.isKey,
  }));
}

function compileField(field: string | undefined, where: JsonPath): FieldResolver {
  if (field === undefined) return (node) => [node];
  if (field === '@key') {
    return (node) =>
      isObject(node.value)
        ? Object.keys(node.value).map((k) => ({ path: [...node.path, k], value: k, text: `${node.text} key ${JSON.stringify(k)}`, property: k, missing: false, isKey: true }))
        : [];
  }
  const compiled: CompiledPath = field.startsWith('$') ? compilePath(field, where) : { text: '', segments: field.split('.') };
  const shown = displaySegments(compiled.segments);
  return (node) => {
    if (node.missing || node.value === undefined) return [{ ...node, text: joinText(node.text, shown), property: lastName(compiled.segments) }];
    const hits = compiled.text ? query(node.value, compiled) : literal(node.value, compiled.segments);
    if (!hits.length) {
      const rest = nearestExisting(node.value, compiled.segments);
      return [{ path: [...node.path, ...rest], value: undefined, text: joinText(node.text, shown), property: lastName(compiled.segments), missing: true, isKey: false }];
    }
    return hits.map((h) => ({ path: [...node.path, ...h.path], value: h.value, text: joinText(node.text, formatPath(h.path)), property: String(h.path[h.path.length - 1] ?? ''), missing: false, isKey: h.isKey }));
  };
}

function joinText(base: string, rel: string): string {
  if (!base || !rel) return base || rel;
  return rel.startsWith('[') ? base + rel : `${base}.${rel}`;
}

/** A dotted field (a.b.0) walked literally: no wildcards, keys may contain any character but ".". */
function literal(value: JsonValue, segments: readonly string[]) {
  const path = nearestExisting(value, segments);
  return path.length === segments.length ? [{ path, value: get(value, path)!, isKey: false }] : [];
}

function lastName(segments: readonly string[]): string {
  const named = segments.filter((s) => !/^(\$|\*|\.\.|~|\^)$/.test(s));
  return named[named.length - 1] ?? '';
}

/** Containers and missing children point at their key (`spec:`); scalars and list items at the value. */
function targetOf(m: Manifest, path: JsonPath, missing: boolean, isKey: boolean): Target {
  const last = path[path.length - 1];
  if (typeof last !== 'string') return 'value';
  if (isKey || missing) return 'key';
  const v = get(m.value, path);
  return typeof v === 'object' && v !== null ? 'key' : 'value';
}

/** {{value}}: strings as written, absent as "absent", structures as compact JSON. */
function plain(v: JsonValue | undefined): string {
  if (v === undefined) return 'absent';
  if (typeof v === 'string') return v;
  const text = JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
