import fs from "node:fs";
import { printCurrentSchema, SCHEMA_FILE } from "../../src/server/schema";

describe("schema/schema.graphql", () => {
  it("is what the code emits (run `npm run schema` after changing the API)", async () => {
    expect(fs.readFileSync(SCHEMA_FILE, "utf8")).toBe(await printCurrentSchema());
  });
});
