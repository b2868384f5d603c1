// Keeps rules, registry, tests, fixtures and metadata in step (ESLint's checkRuleFiles).
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../src/registry.js';
import type { Rule } from '../src/rule.js';
import { SEVERITIES } from '../src/types.js';
import { ROOT } from './helpers/cli.js';
import { findingsOf } from './helpers/rule-tester.js';

/** Reported by the loader or the engine, not by a check over resources: they have no fixtures of their own. */
const ENGINE_RULES = new Set(['parse-error', 'duplicate-key', 'not-a-resource', 'read-error', 'unused-suppression']);

const ruleFiles = readdirSync(join(ROOT, 'rules'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => basename(f, '.ts'))
  .sort();
const yamlIn = (dir: string): string[] => (existsSync(join(ROOT, dir)) ? readdirSync(join(ROOT, dir)).filter((f) => /\.ya?ml$/.test(f)).map((f) => `${dir}/${f}`) : []);

describe('rule files and registry', () => {
  it('rules/ and the registry list the same rules, each once', () => {
    const ids = BUILTIN_RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ruleFiles);
  });

  it('each rule file default-exports the registered rule, and its id is the file name', async () => {
    const wrong: string[] = [];
    for (const file of ruleFiles) {
      const mod = (await import(pathToFileURL(join(ROOT, 'rules', `${file}.ts`)).href)) as { default: Rule };
      const registered = BUILTIN_RULES.find((r) => r.meta.id === file);
      if (mod.default.meta.id !== file || mod.default !== registered) wrong.push(file);
    }
    expect(wrong).toEqual([]);
  });
});

describe.each(BUILTIN_RULES.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
  const m = rule.meta;

  it('has complete metadata in the house style', () => {
    expect(m.id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect(m.description.trim()).toBe(m.description);
    expect(m.description).not.toMatch(/\.$/);
    expect(m.rationale.length).toBeGreaterThan(40);
    expect(m.remediation).toMatch(/\.$/);
    expect(SEVERITIES).toContain(m.severity);
    for (const p of m.peers ?? []) expect(p).toMatch(/^(IST|KIA)\d{4}$/);
    if (m.kinds) expect(m.kinds.length, 'kinds, when given, names at least one kind').toBeGreaterThan(0);
    // GitHub's security-severity scale; SARIF's precision levels.
    if (m.securitySeverity !== undefined) expect(m.securitySeverity >= 0.1 && m.securitySeverity <= 10, `securitySeverity ${m.securitySeverity}`).toBe(true);
    if (m.precision !== undefined) expect(['very-high', 'high', 'medium', 'low']).toContain(m.precision);
  });

  if (ENGINE_RULES.has(id)) return;

  it('has a test file and valid and invalid fixtures', () => {
    expect(existsSync(join(ROOT, 'test/rules', `${id}.test.ts`)), `test/rules/${id}.test.ts`).toBe(true);
    expect(yamlIn(`fixtures/rules/${id}/valid`).length, `fixtures/rules/${id}/valid/*.yaml`).toBeGreaterThan(0);
    expect(yamlIn(`fixtures/rules/${id}/invalid`).length, `fixtures/rules/${id}/invalid/*.yaml`).toBeGreaterThan(0);
  });

  it('stays silent on every valid fixture and fires on every invalid one', () => {
    for (const fixture of yamlIn(`fixtures/rules/${id}/valid`)) expect(findingsOf(rule, { name: fixture, fixture }).map((f) => `${fixture}:${f.line}:${f.column} ${f.message}`)).toEqual([]);
    for (const fixture of yamlIn(`fixtures/rules/${id}/invalid`)) expect(findingsOf(rule, { name: fixture, fixture }).length, fixture).toBeGreaterThan(0);
  });

  if (m.example && rule.check) {
    it('its documented example triggers it', () => {
      expect(findingsOf(rule, { name: 'example', yaml: m.example }).length).toBeGreaterThan(0);
    });
  }
});
