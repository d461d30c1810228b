import { NotFoundError } from "../core/errors";

/**
 * The record `load` finds for `slug`, or NOT_FOUND naming the kind and the slug, so a partner sees
 * their typo (feeds and embeds; GraphQL lists match nothing instead, see `idBySlugOrZero`).
 */
export async function requireBySlug<T>(
  kind: string,
  slug: string,
  load: (slug: string) => Promise<T | null> | T | null,
): Promise<T> {
  const found = await load(slug);
  if (!found) throw new NotFoundError(kind, slug);
  return found;
}
