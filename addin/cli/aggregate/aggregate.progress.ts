/** What the progress bar writes to: a terminal's error stream. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/**
 * A one-line progress bar on a terminal (`[#####.....] label`), redrawn at most ten times a second
 * and erased at the end; nothing at all when the stream is not a terminal (a pipe, a log file, tests).
 */
export class ProgressBar {
  private last = 0;
  private shown = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
  ) {}

  /** Shows `done` of the total, with `label`. */
  update(done: number, label: string): void {
    if (!this.stream.isTTY) return;
    const now = Date.now();
    if (done < this.total && now - this.last < 100) return;
    this.last = now;
    const width = Math.max(10, Math.min(40, (this.stream.columns ?? 80) - label.length - 4));
    const full = this.total === 0 ? width : Math.round((width * done) / this.total);
    this.stream.write(`\r[${"#".repeat(full)}${".".repeat(width - full)}] ${label}`);
    this.shown = true;
  }

  /** Erases the bar, so the summary starts on a clean line. */
  end(): void {
    if (this.shown) this.stream.write("\r\x1b[2K");
    this.shown = false;
  }
}
