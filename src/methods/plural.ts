// Counted nouns, for every sentence a spec or card writes about several workers.

/** "1 worker", "3 workers". */
export const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;
