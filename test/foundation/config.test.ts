import { ConfigError, loadConfig } from "../../src/core/config";

describe("configuration from the environment", () => {
  it("defaults to the embedded SQLite database that migrates and seeds itself", () => {
    const config = loadConfig({});
    expect(config.database.engine).toBe("sqlite");
    expect(config.database.sqlitePath).toMatch(/data[/\\]crosstalk\.sqlite$/);
    expect(config).toMatchObject({
      port: 4000,
      migrateOnStart: true,
      seedOnStart: true,
      landingPage: true,
    });
    expect(config.trustProxy).toBe("loopback");
  });

  it("selects MySQL from DATABASE_URL and leaves migrations to `npm run migrate`", () => {
    const config = loadConfig({
      DATABASE_URL: "mysql://u:p@db:3306/crosstalk",
      NODE_ENV: "production",
    });
    expect(config.database).toMatchObject({
      engine: "mysql",
      url: "mysql://u:p@db:3306/crosstalk",
    });
    expect(config).toMatchObject({
      migrateOnStart: false,
      seedOnStart: false,
      landingPage: false,
      introspection: false,
    });
    expect(loadConfig({ DATABASE_URL: "mariadb://u@db/x" }).database).toMatchObject({
      engine: "mysql",
      mariadb: true,
    });
  });

  it("reads TRUST_PROXY as a hop count or a list of addresses", () => {
    expect(loadConfig({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: "loopback, 10.0.0.0/8" }).trustProxy).toBe(
      "loopback, 10.0.0.0/8",
    );
    expect(() => loadConfig({ TRUST_PROXY: "everyone" })).toThrow(ConfigError);
  });

  it("reads the memory bounds: HEAP_GROWTH_PERCENT and RESPONSE_CACHE_MAX_BYTES", () => {
    expect(loadConfig({}).heapGrowthPercent).toBe(50);
    expect(loadConfig({ HEAP_GROWTH_PERCENT: "0" }).heapGrowthPercent).toBe(0);
    expect(() => loadConfig({ HEAP_GROWTH_PERCENT: "2000" })).toThrow(/HEAP_GROWTH_PERCENT/);
    expect(loadConfig({}).responseCache.maxBytes).toBe(32 * 1024 * 1024);
    expect(loadConfig({ RESPONSE_CACHE_MAX_BYTES: "65536" }).responseCache.maxBytes).toBe(65536);
    expect(() => loadConfig({ RESPONSE_CACHE_MAX_BYTES: "10" })).toThrow(
      /RESPONSE_CACHE_MAX_BYTES/,
    );
  });

  it("checks a signed-in WebSocket's credential again every WS_RECHECK_MS (a minute by default)", () => {
    expect(loadConfig({}).live.recheckMs).toBe(60_000);
    expect(loadConfig({ WS_RECHECK_MS: "5000" }).live.recheckMs).toBe(5000);
    expect(() => loadConfig({ WS_RECHECK_MS: "10" })).toThrow(/WS_RECHECK_MS/);
  });

  it("compiles an operation on its second run (its first under test), keeping 500 at most", () => {
    expect(loadConfig({}).execution).toEqual({ compileAfter: 2, maxCompiled: 500 });
    expect(loadConfig({ NODE_ENV: "test" }).execution.compileAfter).toBe(1);
    expect(loadConfig({ GRAPHQL_COMPILE_AFTER: "0" }).execution.compileAfter).toBe(0);
    expect(loadConfig({ GRAPHQL_COMPILED_MAX: "20" }).execution.maxCompiled).toBe(20);
    expect(() => loadConfig({ GRAPHQL_COMPILE_AFTER: "soon" })).toThrow(/GRAPHQL_COMPILE_AFTER/);
    expect(() => loadConfig({ GRAPHQL_COMPILED_MAX: "0" })).toThrow(/GRAPHQL_COMPILED_MAX/);
  });

  it.each([
    [{ DATABASE_URL: "postgres://x" }, /DATABASE_URL/],
    [{ PORT: "eighty" }, /PORT/],
    [{ NODE_ENV: "staging" }, /NODE_ENV/],
    [{ MIGRATE_ON_START: "perhaps" }, /MIGRATE_ON_START/],
  ])("refuses %j with a clear message", (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
