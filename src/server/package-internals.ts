import path from "node:path";

/**
 * A module of a package's own that is not among its public exports, found next to the package's
 * CommonJS entry point (`relativePath` such as `resolvers/convert-args.js` for type-graphql); null
 * when this version keeps no module there, and then callers change nothing.
 */
export function packageModule<T>(packageName: string, relativePath: string): Partial<T> | null {
  try {
    const file = path.join(path.dirname(require.resolve(packageName)), relativePath);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(file) as Partial<T>;
  } catch {
    return null;
  }
}
