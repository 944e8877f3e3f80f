import type { Db, Queryable } from './types'

/**
 * The same database, counting every statement sent through it (transactions included). The running
 * site reports the count in /api/health, which is how a test proves that a page view sends none.
 */
export function countStatements(db: Db, count: { statements: number }): Db {
  const counted = (target: Queryable): Queryable => ({
    query: (sql, params) => {
      count.statements++
      return target.query(sql, params)
    },
    exec: (sql) => {
      count.statements++
      return target.exec(sql)
    },
  })
  return { ...db, ...counted(db), transaction: (fn) => db.transaction((tx) => fn(counted(tx))) }
}
