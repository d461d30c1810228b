import { statementVerb } from "../../src/db/sql-metrics";

describe("a statement's kind, for the SQL metrics", () => {
  it.each([
    ["SELECT 1", "select"],
    ["  \n select `a` from t", "select"],
    ["WITH x AS (SELECT 1) SELECT * FROM x", "select"],
    ["((SELECT 1) UNION (SELECT 2))", "select"],
    ["SET STATEMENT max_statement_time=5 FOR SELECT * FROM session", "select"],
    ["set statement max_statement_time=5, lock_wait_timeout=1\nfor (select 1)", "select"],
    ["SET STATEMENT max_statement_time=5 FOR UPDATE t SET a = 1", "update"],
    ["INSERT INTO t VALUES (1)", "insert"],
    ["REPLACE INTO t VALUES (1)", "insert"],
    ["DELETE FROM t", "delete"],
    ["START TRANSACTION", "transaction"],
    ["COMMIT", "transaction"],
    ["SAVEPOINT typeorm_1", "transaction"],
    ["RELEASE SAVEPOINT typeorm_1", "transaction"],
    ["SET NAMES utf8mb4", "other"],
    ["SET STATEMENT max_statement_time=5", "other"],
    ["", "other"],
    ["-- a comment", "other"],
  ])("%j is %s", (sql, verb) => {
    expect(statementVerb(sql)).toBe(verb);
  });
});
