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

  it.each([
    [{ DATABASE_URL: "postgres://x" }, /DATABASE_URL/],
    [{ PORT: "eighty" }, /PORT/],
    [{ NODE_ENV: "staging" }, /NODE_ENV/],
    [{ MIGRATE_ON_START: "perhaps" }, /MIGRATE_ON_START/],
  ])("refuses %j with a clear message", (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
