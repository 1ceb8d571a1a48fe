// A one-time secret from Graph (a QR code's content, a PIN, a Temporary Access Pass) on its way to the person who
// asked for it. It prints as "[secret]" everywhere (JSON, logs, util.inspect, string templates): only reveal()
// gives the value, and only the delivery card calls it.
const HIDDEN = '[secret]';

export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The value itself: for the requester's delivery card (and a badge PDF made for them), nothing else. */
  reveal(): string {
    return this.#value;
  }

  toJSON(): string {
    return HIDDEN;
  }

  toString(): string {
    return HIDDEN;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return HIDDEN;
  }
}
