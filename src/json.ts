// Plain JSON values as the loader hands them over, and total accessors that never throw on odd shapes.

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** A path into a resource: object keys and array indexes, e.g. ["spec", "egress", 0, "hosts", 1]. */
export type JsonPath = readonly (string | number)[];

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function asObject(v: unknown): JsonObject | undefined {
  return isObject(v) ? v : undefined;
}

export function asArray(v: unknown): JsonValue[] {
  return Array.isArray(v) ? (v as JsonValue[]) : [];
}

export function asString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Integers only; YAML `"80"` stays a string so that schema findings, not silent coercion, report it. */
export function asInt(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

export function get(v: unknown, path: JsonPath): JsonValue | undefined {
  let cur: unknown = v;
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[seg];
    } else {
      if (!isObject(cur) || !Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
      cur = cur[seg];
    }
  }
  return cur as JsonValue | undefined;
}

/** String-valued entries of a map such as metadata.labels; other values are ignored. */
export function asStringMap(v: unknown): Readonly<Record<string, string>> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  if (!isObject(v)) return out;
  // for-in over own keys visits what Object.entries would, in the same order, without an array per entry.
  for (const k in v) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
    const val = v[k];
    if (typeof val === 'string') out[k] = val;
    else if (typeof val === 'number' || typeof val === 'boolean') out[k] = String(val);
  }
  return out;
}

/** asStringMap(v)[key], without building the whole map (for one annotation of every resource, say). */
export function stringEntry(v: unknown, key: string): string | undefined {
  if (!isObject(v) || !Object.prototype.hasOwnProperty.call(v, key)) return undefined;
  const val = v[key];
  return typeof val === 'string' ? val : typeof val === 'number' || typeof val === 'boolean' ? String(val) : undefined;
}

/** Renders a path the way users read it: spec.egress[0].hosts[1]. */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
