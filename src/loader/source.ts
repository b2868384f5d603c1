// Offsets to 1-based line:column, for one text. Computed once per file, on first use.
import type { Position, Range } from '../types.js';

export class LineIndex {
  private starts: number[] | undefined;
  constructor(private readonly text: string) {}

  private lineStarts(): number[] {
    if (!this.starts) {
      const starts = [0];
      const t = this.text;
      for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts;
  }

  position(offset: number): Position {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  line(n: number): string {
    const starts = this.lineStarts();
    if (n < 1 || n > starts.length) return '';
    const from = starts[n - 1]!;
    const to = n < starts.length ? starts[n]! - 1 : this.text.length;
    return this.text.slice(from, to).replace(/\r$/, '');
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }
}
