import fs from "node:fs";
import path from "node:path";
import { EMBED_OPERATIONS } from "../../embed/src/operations";
import { PROJECT_ROOT } from "../../src/core/paths";

/** A real operation clients send, with the variables they send it with. */
export interface RealOperation {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

/**
 * Every operation of real use: `examples/*.graphql`, the embeds' operations (with the page size
 * the embeds send by default: 100) and the GraphQL blocks of the README.
 */
export function realOperations(): RealOperation[] {
  const examples = fs
    .readdirSync(path.join(PROJECT_ROOT, "examples"))
    .filter(f => f.endsWith(".graphql"))
    .sort()
    .map(f => ({
      name: `examples/${f}`,
      query: fs.readFileSync(path.join(PROJECT_ROOT, "examples", f), "utf8"),
      variables: {},
    }));
  const embeds = Object.entries(EMBED_OPERATIONS).map(([name, query]) => ({
    name: `embed ${name}`,
    query,
    variables: { conference: "pyworks-2008", first: 100 },
  }));
  const readme = fs.readFileSync(path.join(PROJECT_ROOT, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m, i) => ({
    name: `README block ${i + 1}`,
    query: m[1],
    variables: {},
  }));
  return [...examples, ...embeds, ...blocks];
}
