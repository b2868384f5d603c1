// Addresses written in a value (np-guard cluster-topology-analyzer's heuristic, made stricter): every token, and every
// part of it that follows "=" or ":" and starts with a letter (--addr=svc:5000, jdbc:mysql://db:3306), read as
// [scheme://][user@]host[:port][/path…]. Whether a host names a service is decided elsewhere.

export interface Address {
  /** The candidate as written, e.g. "http://cart:7070/api". */
  readonly text: string;
  readonly scheme?: string;
  /** Lowercase, without a trailing dot. */
  readonly host: string;
  /** A port number or name, as written. */
  readonly port?: string;
  /** The candidate is the whole value: a bare name then still counts as a reference. */
  readonly whole: boolean;
}

// Delimiters between tokens: whitespace, quotes and list or markup punctuation; never ":", "=", "/", "@" or ".".
const TOKEN_SPLIT = /[\s"'`,;()<>[\]{}|\\]+/;
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
// DNS-1123 subdomain host, an optional port (1–65535 or an IANA service name), then anything after / ? or #.
const ADDRESS = new RegExp(`^(?:([a-z][a-z0-9+.-]*)://)?(?:[^@/?#]*@)?(${LABEL}(?:\\.${LABEL})*)\\.?(?::([0-9]{1,5}|[a-z0-9-]{1,15}))?([/?#].*)?$`, 'i');

// No address is longer than a URL line; the bounds keep a hostile megabyte of "a:a:a:…" linear.
const MAX_TOKEN = 2048;
const MAX_SUFFIXES = 16;

function parse(text: string, whole: boolean): Address | undefined {
  const m = ADDRESS.exec(text);
  if (!m) return undefined;
  const host = m[2]!.toLowerCase();
  // Numbers and IPv4 literals are not names.
  if (/^[0-9.]+$/.test(host)) return undefined;
  const port = m[3];
  // "istio.io/key-and-cert", "example.com/team": without a scheme or port, a path makes it a qualified name (a label
  // key, a resource type), not an address; Go's url.Parse, which np-guard uses, reads no host there either.
  if (!m[1] && port === undefined && m[4]) return undefined;
  if (port !== undefined) {
    if (/^[0-9]+$/.test(port) ? Number(port) < 1 || Number(port) > 65535 : !/[a-z]/i.test(port) || /^-|-$|--/.test(port)) return undefined;
  }
  return { text, ...(m[1] ? { scheme: m[1].toLowerCase() } : {}), host, ...(port !== undefined ? { port: port.toLowerCase() } : {}), whole };
}

/** Every address candidate in `value`, each host:port once, in order of appearance. */
export function addressesIn(value: string): Address[] {
  const trimmed = value.trim();
  const out = new Map<string, Address>();
  for (const token of trimmed.split(TOKEN_SPLIT)) {
    if (!token || token.length > MAX_TOKEN) continue;
    const candidates = [token];
    // Not inside a query or fragment: "?next=x" is a parameter, not a second address.
    const end = token.search(/[?#]/);
    for (let i = 0; i < (end < 0 ? token.length : end) - 1 && candidates.length <= MAX_SUFFIXES; i++) {
      if ((token[i] === '=' || token[i] === ':') && /[a-z]/i.test(token[i + 1]!)) candidates.push(token.slice(i + 1));
    }
    for (const c of candidates) {
      const a = parse(c, c === trimmed);
      if (!a) continue;
      const key = `${a.host}:${a.port ?? ''}`;
      const prev = out.get(key);
      // The strongest reading of a host wins: with a scheme over without, the whole value over a part of it.
      if (!prev || (!prev.scheme && a.scheme) || (!prev.whole && a.whole)) out.set(key, prev ? { ...a, whole: a.whole || prev.whole, ...(prev.scheme && !a.scheme ? { scheme: prev.scheme } : {}) } : a);
    }
  }
  return [...out.values()];
}

/** The port a client of this scheme dials when none is written. */
export function schemePort(scheme: string | undefined): number | undefined {
  switch (scheme) {
    case 'http':
    case 'ws':
      return 80;
    case 'https':
    case 'wss':
      return 443;
    default:
      return undefined;
  }
}
