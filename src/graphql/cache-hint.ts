import { Extensions } from "type-graphql";

/** A cache hint as Apollo's cache policy takes it. */
export interface CacheHintOptions {
  /** Seconds a response containing this field may be cached. */
  maxAge?: number;
  /** PRIVATE: the field depends on who asks, so no shared cache may keep the response. */
  scope?: "PUBLIC" | "PRIVATE";
}

/** Where a field's hint lives in the schema (`field.extensions`). */
export const CACHE_HINT_EXTENSION = "cacheHint";

/**
 * type-graphql's missing cache decorator: a static hint on a field, kept in the schema's field
 * extensions. The response's policy is the most restrictive hint of any field its operation
 * selects (worked out once per document, see src/server/cache-control.ts); fields without a hint
 * get CACHE_MAX_AGE, public.
 */
export function CacheHint(hint: CacheHintOptions): MethodDecorator & PropertyDecorator {
  return Extensions({ [CACHE_HINT_EXTENSION]: hint });
}

/** Where a derived type's or field's dependencies live in the schema (its `extensions`). */
export const CACHE_TAGS_EXTENSION = "cacheTags";

/**
 * Marks an object type (counts, say) or a field (an edition's neighbour in its series) derived from
 * whole lists: a cached response that reads it is tagged `<Type>:list` for each type named, so that
 * any write to one of those types drops it.
 */
export function DerivedFrom(...types: string[]): ClassDecorator & MethodDecorator {
  return Extensions({ [CACHE_TAGS_EXTENSION]: types });
}
