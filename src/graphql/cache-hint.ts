import { UseMiddleware } from "type-graphql";

/** A cache hint as Apollo's cache-control plugin takes it. */
export interface CacheHintOptions {
  /** Seconds a response containing this field may be cached. */
  maxAge?: number;
  /** PRIVATE: the field depends on who asks, so no shared cache may keep the response. */
  scope?: "PUBLIC" | "PRIVATE";
}

interface CacheControlInfo {
  cacheControl?: { setCacheHint(hint: CacheHintOptions): void };
}

/**
 * type-graphql's missing cache decorator: sets Apollo's per-field cache hint
 * (`info.cacheControl.setCacheHint`) when the field resolves. The response's policy is the most
 * restrictive hint of any field it contains; fields without a hint get CACHE_MAX_AGE, public.
 */
export function CacheHint(hint: CacheHintOptions): MethodDecorator & PropertyDecorator {
  return UseMiddleware(({ info }, next) => {
    (info as unknown as CacheControlInfo).cacheControl?.setCacheHint(hint);
    return next();
  });
}
