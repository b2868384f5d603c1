// Bytes → text, refusing what is not text: binary data, invalid UTF-8, files over the size bound.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Position } from '../types.js';
import { ioMessage } from './discover.js';

export type ReadResult =
  | { readonly ok: true; readonly text: string }
  | {
      readonly ok: false;
      readonly message: string;
      /** True when the path could not be read at all (I/O error), false when its content was refused. */
      readonly fatal: boolean;
      /** read-error when nothing was read (I/O, size), parse-error when the bytes are not text. */
      readonly ruleId: 'read-error' | 'parse-error';
      readonly at?: Position;
    };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** "20MB", "1.5MB", "512KB", "1000 bytes": sizes as --max-file-size accepts them. */
export function formatSize(bytes: number): string {
  const mb = 1024 * 1024;
  if (bytes >= mb) return `${bytes % mb === 0 ? bytes / mb : (bytes / mb).toFixed(1)}MB`;
  if (bytes >= 1024) return `${bytes % 1024 === 0 ? bytes / 1024 : (bytes / 1024).toFixed(1)}KB`;
  return `${bytes} bytes`;
}

export function tooLarge(size: number | undefined, maxBytes: number): ReadResult {
  const what = size === undefined ? `more than ${formatSize(maxBytes)}` : formatSize(size);
  return { ok: false, fatal: false, ruleId: 'read-error', message: `skipped: the file is ${what}, over --max-file-size ${formatSize(maxBytes)} (raise the limit to lint it)` };
}

export function decode(bytes: Uint8Array, maxBytes: number): ReadResult {
  if (bytes.length > maxBytes) return tooLarge(bytes.length, maxBytes);
  // YAML allows UTF-16 with a byte order mark; Windows PowerShell writes it for `helm template > out.yaml`.
  if (bytes[0] === 0xff && bytes[1] === 0xfe && !(bytes[2] === 0 && bytes[3] === 0)) return decodeWith('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2));
  const nul = bytes.subarray(0, 8000).indexOf(0);
  if (nul !== -1) {
    const utf16 = looksLikeUtf16(bytes.subarray(0, 8000));
    return {
      ok: false,
      fatal: false,
      ruleId: 'parse-error',
      at: positionOf(bytes, nul),
      message: utf16
        ? 'skipped: the file looks like UTF-16 or UTF-32 without a byte order mark; save it as UTF-8'
        : 'skipped: binary file (it contains NUL bytes), not YAML or JSON',
    };
  }
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const bad = firstBadByte(bytes);
    return { ok: false, fatal: false, ruleId: 'parse-error', at: positionOf(bytes, bad), message: `skipped: not valid UTF-8 (byte 0x${(bytes[bad] ?? 0).toString(16)}); save the file as UTF-8` };
  }
}

/** Reads at most maxBytes + 1 bytes, so that a huge file, a device or an endless pipe cannot exhaust memory. */
export function readManifestFile(abs: string, maxBytes: number): ReadResult {
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'r');
    const st = fstatSync(fd);
    if (st.isDirectory()) return { ok: false, fatal: true, ruleId: 'read-error', message: 'is a directory' };
    if (st.isFile() && st.size > maxBytes) return tooLarge(st.size, maxBytes);
    const bytes = readBounded(fd, maxBytes + 1, st.isFile() ? st.size + 1 : 64 * 1024);
    if (bytes.length > maxBytes) return tooLarge(st.isFile() ? bytes.length : undefined, maxBytes);
    return decode(bytes, maxBytes);
  } catch (err) {
    return { ok: false, fatal: true, ruleId: 'read-error', message: ioMessage(err) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readBounded(fd: number, limit: number, firstChunk: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  let size = Math.max(1, Math.min(firstChunk, limit));
  while (total < limit) {
    const buf = Buffer.allocUnsafe(Math.min(size, limit - total));
    const n = readSync(fd, buf, 0, buf.length, null);
    if (n === 0) break;
    chunks.push(buf.subarray(0, n));
    total += n;
    size = Math.min(size * 2, 16 * 1024 * 1024);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

function decodeWith(encoding: 'utf-16le' | 'utf-16be', bytes: Uint8Array): ReadResult {
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, fatal: false, ruleId: 'parse-error', message: `skipped: the file starts with a ${encoding.toUpperCase()} byte order mark but is not valid ${encoding.toUpperCase()}` };
  }
}

// ASCII text in UTF-16 has a NUL in every other byte.
function looksLikeUtf16(probe: Uint8Array): boolean {
  if (probe.length < 8) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < probe.length; i++) if (probe[i] === 0) (i % 2 ? odd++ : even++);
  return Math.max(even, odd) >= probe.length / 4 && Math.min(even, odd) <= Math.max(even, odd) / 8;
}

/** Line and column (in characters) of a byte offset, counting only the valid text before it. */
function positionOf(bytes: Uint8Array, offset: number): Position {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) line++;
  return { line, column: before.length - lineStart + 1 };
}

function firstBadByte(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Binary search over prefixes: a prefix that ends inside a valid sequence still decodes in stream mode.
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  // The decoder notices a truncated sequence only at the byte after it: point at its lead byte instead.
  for (let i = lo - 1; i >= 0 && i >= lo - 3; i--) {
    const b = bytes[i]!;
    if (b < 0x80) break;
    if (b >= 0xc0) return i + (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2) > lo ? i : lo;
  }
  return lo;
}
