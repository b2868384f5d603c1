// Durations as Istio reads them from YAML (Go's time.ParseDuration: "1h30m", "500ms", "1.5s"), for the checks
// Istio applies to them: the CRD wants at least 1ms, and the webhook's ValidateDuration also whole milliseconds.

const NANOS: Readonly<Record<string, bigint>> = { ns: 1n, us: 1_000n, 'µs': 1_000n, 'μs': 1_000n, ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n };
const PART = /(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/y;
const MS = NANOS.ms!;

/** The duration in nanoseconds (exact), or undefined when the text is not a Go duration (the schema says so). */
export function durationNanos(text: string): bigint | undefined {
  const sign = text.startsWith('-') ? -1n : 1n;
  const body = text.replace(/^[-+]/, '');
  if (body === '0') return 0n;
  let total = 0n;
  PART.lastIndex = 0;
  while (PART.lastIndex < body.length) {
    const start = PART.lastIndex;
    const m = PART.exec(body);
    if (!m || (m[1] === '' && !m[2])) return undefined;
    PART.lastIndex = start + m[0].length;
    const unit = NANOS[m[3]!]!;
    const frac = m[2] ?? '';
    total += BigInt(m[1] || '0') * unit + (BigInt(frac || '0') * unit) / 10n ** BigInt(frac.length);
  }
  return body === '' ? undefined : sign * total;
}

/** What Istio rejects about a duration, or undefined (also for text that is no duration: that is the schema's). */
export function durationProblem(text: string, wholeMilliseconds: boolean): string | undefined {
  const ns = durationNanos(text);
  if (ns === undefined) return undefined;
  if (ns < MS) return 'is shorter than 1ms, which Istio rejects';
  if (wholeMilliseconds && ns % MS !== 0n) return 'is not a whole number of milliseconds, which Istio rejects';
  return undefined;
}
