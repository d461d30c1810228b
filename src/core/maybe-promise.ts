/** A value, or a promise of it: what a read returns when it may already hold the answer. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * Applies `fn` to `value` now when it is a plain value, or once it resolves when it is a promise:
 * a resolver on every row of a page then costs no promise when its input is already known.
 */
export function andThen<T, R>(
  value: MaybePromise<T>,
  fn: (resolved: T) => R,
): MaybePromise<Awaited<R>> {
  // A promise `fn` returns is flattened by `then`, and stands for its value when returned as is.
  return (value instanceof Promise ? value.then(fn) : fn(value)) as MaybePromise<Awaited<R>>;
}

/**
 * `fn(a, b)` now when both are plain values, else once both resolve; `fn` is best a function made
 * once (not per call), so that the usual case, both known, allocates nothing for later.
 */
export function andThenBoth<A, B, R>(
  a: MaybePromise<A>,
  b: MaybePromise<B>,
  fn: (a: A, b: B) => R,
): MaybePromise<Awaited<R>> {
  if (a instanceof Promise || b instanceof Promise) {
    return Promise.all([a, b]).then(([x, y]) => fn(x, y)) as Promise<Awaited<R>>;
  }
  return fn(a, b) as MaybePromise<Awaited<R>>;
}

/** The values of promises that have resolved, kept by `keepValue`. */
const settled = new WeakMap<Promise<unknown>, unknown>();

/** Records that `promise` resolved to `value`, for `valueNow`. */
export function keepValue<T>(promise: Promise<T>, value: T): void {
  settled.set(promise, value);
}

/** `promise`, whose value `valueNow` gives at once from the moment it resolves. */
export function remembered<T>(promise: Promise<T>): Promise<T> {
  const kept: Promise<T> = promise.then(value => {
    keepValue(kept, value);
    return value;
  });
  return kept;
}

/** The value `promise` resolved to when it was kept (`keepValue`, `remembered`), else `promise`. */
export function valueNow<T>(promise: Promise<T>): MaybePromise<T> {
  return settled.has(promise) ? (settled.get(promise) as T) : promise;
}
