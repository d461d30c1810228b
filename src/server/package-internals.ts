import path from "node:path";

/**
 * A module of type-graphql's own that is not among its public exports, found next to its entry
 * point (`relativePath` such as `resolvers/convert-args.js`); null when this version keeps no
 * module there, and then callers change nothing.
 */
export function typeGraphqlModule<T>(relativePath: string): Partial<T> | null {
  try {
    const file = path.join(path.dirname(require.resolve("type-graphql")), relativePath);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(file) as Partial<T>;
  } catch {
    return null;
  }
}
