// Bytes → text, refusing what is not text: binary data, invalid UTF-8, files over the size bound.
import { readFileSync, statSync } from 'node:fs';
import { ioMessage } from './discover.js';

export type ReadResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string; readonly fatal: boolean };

const decoder = new TextDecoder('utf-8', { fatal: true });

export function decode(bytes: Uint8Array, maxBytes: number): ReadResult {
  if (bytes.length > maxBytes) {
    return { ok: false, fatal: false, message: `skipped: ${bytes.length} bytes is over --max-file-size ${maxBytes}` };
  }
  const probe = bytes.subarray(0, 8000);
  if (probe.includes(0)) return { ok: false, fatal: false, message: 'skipped: binary file (it contains NUL bytes)' };
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, fatal: false, message: `skipped: not valid UTF-8 (first bad byte near offset ${firstBadByte(bytes)})` };
  }
}

export function readManifestFile(abs: string, maxBytes: number): ReadResult {
  try {
    const size = statSync(abs).size;
    if (size > maxBytes) return { ok: false, fatal: false, message: `skipped: ${size} bytes is over --max-file-size ${maxBytes}` };
    return decode(readFileSync(abs), maxBytes);
  } catch (err) {
    return { ok: false, fatal: true, message: ioMessage(err) };
  }
}

function firstBadByte(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Binary search over prefixes; a prefix cut inside a valid multi-byte sequence only moves the answer by < 4 bytes.
  while (hi - lo > 4) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}
