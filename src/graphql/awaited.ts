import { Extensions } from "type-graphql";

/** Where a field that reads a promise is marked in the schema (`field.extensions`). */
export const AWAITED_EXTENSION = "awaited";

/**
 * Marks a plain `@Field` property whose value is a promise when read (a getter that starts its
 * query only when the field is selected, like a page's `totalCount`). Such a field keeps a
 * resolver that reads the property, so that every executor waits for the value: a compiled
 * operation reads a field without a resolver as it is (see `dropPlainFieldResolvers`).
 */
export function Awaited(): PropertyDecorator {
  return Extensions({ [AWAITED_EXTENSION]: true });
}
