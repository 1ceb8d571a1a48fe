// What a person is told when a look-up is refused for the read limit (RATE_LIMIT_READS_PER_MINUTE), wherever it is.
export const TOO_MANY_READS = "You've looked up a lot in a short time. Please wait a minute and try again.";
