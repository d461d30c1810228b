/**
 * A new object with `base`'s own enumerable properties and then `fields`'s: what
 * `{ ...base, ...fields }` makes, made with `Object.assign`.
 *
 * On Node 20 (V8 11.3) an object made with spread syntax and then given a field its source lacks
 * (`{ ...base, i }`) is allocated in the old generation, and so does not die young: in a plain
 * Node process, a loop that keeps the last 50 of a million such copies runs about 8 full
 * collections, where `Object.assign`, a literal or a rest pattern runs none
 * (test/foundation/objects.test.ts; Apollo Server's two such copies are patched, see
 * patches/README.md). On a request path the cost is larger than the copy: whatever the copy
 * points to (a request's loaders, pages and rows) is kept alive with it until the next full
 * collection. The program page's spread copies (its context, sort keys and filters) and
 * its budget's AbortController sent about 2.9 KB per request to the old generation, and the full
 * collections that followed every few seconds set its p99 (see README, Benchmark). Server code
 * copies with this; lint (`no-restricted-syntax`) keeps spread out of its object literals.
 */
export function withFields<T, U>(base: T, fields: U): T & U {
  if (ownsProtoKey(base) || ownsProtoKey(fields)) {
    // Object.assign would set the copy's prototype where spread defines a `__proto__` key (parsed
    // JSON can have one): such a copy is made as spread makes it, the only case that still does.
    // eslint-disable-next-line no-restricted-syntax
    return { ...base, ...fields } as T & U;
  }
  return Object.assign({}, base, fields);
}

function ownsProtoKey(value: unknown): boolean {
  return typeof value === "object" && value !== null && Object.hasOwn(value, "__proto__");
}
