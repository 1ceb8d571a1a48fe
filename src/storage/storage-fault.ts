// Storage faults in plain categories, so that the bot can tell people what happened without knowing the adapter.

/** full: no space left (SQLITE_FULL); busy: another process kept the database locked past the busy timeout. */
export type StorageFault = 'full' | 'busy' | 'failed';

/** The kind of storage fault `error` is, from SQLite's error code (better-sqlite3's SqliteError), if it is one. */
export function storageFaultOf(error: unknown): StorageFault | undefined {
  // No instanceof: better-sqlite3's native part throws the SqliteError class it was first loaded with, which is
  // not this realm's when the module is loaded twice (jest loads it once per test file in the same process).
  const code: unknown = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined;
  if (code.startsWith('SQLITE_FULL')) return 'full';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  return 'failed';
}
