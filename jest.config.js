/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  setupFiles: ["<rootDir>/test/setup.ts"],
  testTimeout: 60000,
  // Each test file owns its database; two workers keep MySQL and the 2-core machine busy, not swamped.
  maxWorkers: 2,
};
