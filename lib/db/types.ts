export type Row = Record<string, unknown>

/** The small query interface the store and the migrations use; the same for PGlite and PostgreSQL. */
export type Queryable = {
  /** One parameterised statement. */
  query(sql: string, params?: readonly unknown[]): Promise<Row[]>
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>
}

export type Db = Queryable & {
  kind: 'pglite' | 'postgres'
  /** Runs `fn` in one transaction on one connection; rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** The database cannot be reached (or is not configured): callers answer 503, not 500. */
export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'DatabaseUnavailableError'
  }
}

/** A deployment whose file system does not persist has no DATABASE_URL: comments would be lost. */
export class DatabaseNotConfiguredError extends DatabaseUnavailableError {
  constructor() {
    super('Comments are unavailable on this deployment: no database is configured (DATABASE_URL).')
    this.name = 'DatabaseNotConfiguredError'
  }
}

export type DatabaseConfig = {
  /** DATABASE_URL: PostgreSQL. */
  url?: string | undefined
  /** DATABASE_POOL_MAX: connections in the PostgreSQL pool. */
  poolMax: number
  /** PGLITE_DIR: where PGlite keeps its files without a `url`. */
  pgliteDir: string
  /** False on Vercel, whose files do not persist: PGlite would lose every comment, so there is no database. */
  hasPersistentDisk?: boolean
}
