// One-line, lower-case messages for what the YAML library reports, in the words a manifest author uses.
import { MAX_ALIAS_COUNT, MAX_BLOCK_COLUMN, MAX_NESTING } from './limits.js';

const YAML_TAG_PREFIX = 'tag:yaml.org,2002:';

export function yamlMessage(message: string, code: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
  if (code === 'TAG_RESOLVE_FAILED') {
    const tag = /tag: *(\S+)/i.exec(first)?.[1] ?? '';
    const shown = tag.startsWith(YAML_TAG_PREFIX) ? `!!${tag.slice(YAML_TAG_PREFIX.length)}` : tag;
    return `tag ${JSON.stringify(shown)} is not supported: the value is read as plain data and nothing is executed; remove the tag`;
  }
  const text = first.charAt(0).toLowerCase() + first.slice(1);
  return text.replace(/\.$/, '');
}

export function duplicateKeyMessage(key: string, firstLine: number): string {
  return `key ${JSON.stringify(key)} is already defined on line ${firstLine}: the API server rejects duplicate keys (and other tools keep either value); keep one`;
}

export function tooDeepMessage(docIndex: number, afterAliases: boolean): string {
  const how = afterAliases ? 'once its aliases are expanded, ' : '';
  return `document ${docIndex + 1} is not read: ${how}it nests mappings and lists deeper than ${MAX_NESTING} levels`;
}

export function tooManyValuesMessage(max: number): string {
  return `cannot read this file: it holds more than ${max.toLocaleString('en-US')} values, the most read from one file (each costs memory; --max-file-size raises it); split the file`;
}

export function farRightMessage(): string {
  return `cannot read this file: a value starts right of column ${MAX_BLOCK_COLUMN}, so mappings and lists may nest deeper than can be read safely (the limit is ${MAX_NESTING} levels)`;
}

/** Why toJS failed: alias bombs and stack exhaustion are expected on hostile input; anything else is shown as is. */
export function unreadableDocumentMessage(docIndex: number, err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  if (err instanceof RangeError) return tooDeepMessage(docIndex, true);
  if (/alias/i.test(msg) && /excessive|exhaustion/i.test(msg)) {
    return `document ${docIndex + 1} is not read: it expands more than ${MAX_ALIAS_COUNT} aliases (an alias bomb?)`;
  }
  return `document ${docIndex + 1} is not read: ${lower(msg.split('\n')[0]!)}`;
}

export function fileErrorMessage(err: unknown): string {
  if (err instanceof RangeError) return `cannot parse this file: it nests mappings and lists too deeply (the limit is ${MAX_NESTING} levels)`;
  const msg = err instanceof Error ? err.message : String(err);
  return `cannot parse this file: ${lower(msg.split('\n')[0]!)}`;
}

function lower(s: string): string {
  return (s.charAt(0).toLowerCase() + s.slice(1)).replace(/\.$/, '');
}
