// The requester's one message for a new request is its card: the request number, what it does, and that
// approval was asked. Matched against textOf(...) (text and card JSON) of the captured posts.

/** `summary` is a regular expression source for the change's one-line summary. */
export function askedFor(summary = '[^"]+'): RegExp {
  return new RegExp(
    String.raw`"text":"Request (\d+)( \(urgent\))?"[\s\S]*?"text":"${summary}[^"]*"[\s\S]*?"text":"I've asked for approval\. [^"]*I'll tell you here when it's done\."`,
  );
}

/** The request number on the card that `askedFor` matched. */
export function askedNumber(text: string): number | undefined {
  const match = askedFor().exec(text);
  return match ? Number(match[1]) : undefined;
}
