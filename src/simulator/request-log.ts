// The simulator's record of what it was asked, for tests that count round trips or check escaping.

export interface LoggedRequest {
  seq: number;
  method: string;
  /** Path after /v1.0 with its query string, as received. */
  path: string;
  status: number;
  startedAt: string;
  endedAt: string;
  requestId: string;
  clientRequestId: string;
  /** request-id of the enclosing $batch, for inner requests. */
  batchId?: string;
  /** Set when an injected fault decided the answer. */
  fault?: string;
}

const CAPACITY = 50_000;

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;

  add(entry: Omit<LoggedRequest, 'seq'>): void {
    this.entries.push({ seq: ++this.seq, ...entry });
    if (this.entries.length > CAPACITY) this.entries.splice(0, this.entries.length - CAPACITY);
  }

  list(): readonly LoggedRequest[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}
