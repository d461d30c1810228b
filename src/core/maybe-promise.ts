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
