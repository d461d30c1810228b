import { ConfigError, loadConfig } from "../../src/core/config";

describe("configuration problems are reported all at once", () => {
  function problemsOf(env: Record<string, string>): string[] {
    try {
      loadConfig(env);
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return (err as ConfigError).problems;
    }
    throw new Error("loadConfig accepted a bad configuration");
  }

  it("lists a bad PORT, LOG_LEVEL and DATABASE_URL together", () => {
    const problems = problemsOf({
      PORT: "70000",
      LOG_LEVEL: "loud",
      DATABASE_URL: "mysql://user:pw@/",
      TRUST_PROXY: "everyone",
    });
    expect(problems).toHaveLength(4);
    expect(problems.join("\n")).toMatch(/PORT must be an integer from 0 to 65535, got "70000"/);
    expect(problems.join("\n")).toMatch(/LOG_LEVEL must be one of .*"loud"/);
    expect(problems.join("\n")).toMatch(/DATABASE_URL must look like mysql:\/\/user/);
    expect(problems.join("\n")).not.toContain("pw");
  });

  it.each(["-1", "4000.5", "0x10", "65536", " "])("refuses PORT=%j", port => {
    expect(problemsOf({ PORT: port }).join()).toMatch(/PORT/);
  });

  it.each(["-1", "1001", "many"])("refuses DB_PREPARED_STATEMENTS=%j", bound => {
    expect(problemsOf({ DB_PREPARED_STATEMENTS: bound }).join()).toMatch(
      /DB_PREPARED_STATEMENTS must be an integer from 0 to 1000/,
    );
  });

  it("keeps the request budget under the shutdown grace period", () => {
    expect(problemsOf({ REQUEST_TIMEOUT_MS: "9000", SHUTDOWN_TIMEOUT_MS: "5000" }).join()).toMatch(
      /REQUEST_TIMEOUT_MS \(9000\) must be below SHUTDOWN_TIMEOUT_MS \(5000\)/,
    );
  });

  it("sets every time bound on purpose, with defaults", () => {
    const config = loadConfig({});
    expect(config.requestTimeoutMs).toBe(8000);
    expect(config.shutdownTimeoutMs).toBeGreaterThan(config.requestTimeoutMs);
    expect(config.http).toEqual({
      headersTimeoutMs: 10000,
      bodyTimeoutMs: 15000,
      keepAliveTimeoutMs: 5000,
      maxConnections: 1000,
    });
    expect(config.database.limits).toEqual({
      statementTimeoutMs: 5000,
      connectTimeoutMs: 5000,
      poolSize: 10,
      queueLimit: 1000,
      preparedStatements: 64,
    });
    expect(config.databaseStartRetryMs).toBe(30000);
    const tuned = loadConfig({
      DB_POOL_SIZE: "4",
      DB_POOL_QUEUE_LIMIT: "8",
      DB_PREPARED_STATEMENTS: "32",
      HTTP_MAX_CONNECTIONS: "50",
    });
    expect(tuned.database.limits).toMatchObject({
      poolSize: 4,
      queueLimit: 8,
      preparedStatements: 32,
    });
    expect(tuned.http.maxConnections).toBe(50);
  });
});

describe("retention", () => {
  it("prunes hourly by default (never under test), each kind kept its own number of days", () => {
    expect(loadConfig({}).retention).toEqual({
      everyMs: 3600_000,
      days: {
        webhookDeliveries: 30,
        outboxEvents: 7,
        mutationReceipts: 7,
        accountSessions: 30,
        emptyAgendas: 90,
      },
    });
    expect(loadConfig({ NODE_ENV: "test" }).retention.everyMs).toBe(0);
    const tuned = loadConfig({
      PRUNE_EVERY_MS: "0",
      RETENTION_DELIVERY_DAYS: "90",
      RETENTION_OUTBOX_DAYS: "0",
      RETENTION_RECEIPT_DAYS: "1",
      RETENTION_SESSION_DAYS: "365",
      RETENTION_EMPTY_AGENDA_DAYS: "14",
    }).retention;
    expect(tuned).toEqual({
      everyMs: 0,
      days: {
        webhookDeliveries: 90,
        outboxEvents: 0,
        mutationReceipts: 1,
        accountSessions: 365,
        emptyAgendas: 14,
      },
    });
  });

  it("refuses a period or an interval out of range, all at once", () => {
    let problems: string[] = [];
    try {
      loadConfig({
        PRUNE_EVERY_MS: "500",
        RETENTION_OUTBOX_DAYS: "-1",
        RETENTION_SESSION_DAYS: "x",
      });
    } catch (err) {
      problems = (err as ConfigError).problems;
    }
    expect(problems).toEqual([
      expect.stringMatching(/RETENTION_OUTBOX_DAYS must be an integer from 0 to 36500, got "-1"/),
      expect.stringMatching(/RETENTION_SESSION_DAYS must be an integer from 0 to 36500, got "x"/),
      'PRUNE_EVERY_MS must be 0 (never) or at least 1000, got "500"',
    ]);
  });
});

describe("DATABASE_REPLICA_URLS", () => {
  const primary = "mysql://app:pw@primary.example/crosstalk";

  it("lists the replicas of a MySQL primary, in order", () => {
    const config = loadConfig({
      DATABASE_URL: primary,
      DATABASE_REPLICA_URLS:
        " mysql://app:pw@replica-1.example/crosstalk, mariadb://app@replica-2.example:3307/crosstalk ,",
    });
    expect(config.database.replicaUrls).toEqual([
      "mysql://app:pw@replica-1.example/crosstalk",
      "mysql://app@replica-2.example:3307/crosstalk",
    ]);
    expect(loadConfig({ DATABASE_URL: primary }).database.replicaUrls).toEqual([]);
  });

  it("refuses replicas of the embedded SQLite and malformed URLs, without echoing passwords", () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (err) {
        return (err as ConfigError).problems.join("\n");
      }
      throw new Error("accepted");
    };
    expect(problems({ DATABASE_REPLICA_URLS: "mysql://a@r/db" })).toMatch(
      /DATABASE_REPLICA_URLS needs a MySQL\/MariaDB DATABASE_URL/,
    );
    const bad = problems({
      DATABASE_URL: primary,
      DATABASE_REPLICA_URLS: "mysql://a@r1/db,postgres://u:s3cret@r2/db",
    });
    expect(bad).toMatch(/DATABASE_REPLICA_URLS: replica 2 must look like mysql:\/\//);
    expect(bad).not.toContain("s3cret");
  });
});
