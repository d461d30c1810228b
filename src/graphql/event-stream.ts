import type { DomainEvent, EventSource } from "../core/events";

/** Most items one subscription holds for a slow client; past it the oldest are dropped. */
export const MAX_QUEUED_EVENTS = 100;

/**
 * Turns the bus into one subscription's stream: `pick` maps each event to the items this subscriber
 * gets (none, usually), in order even when it has to read the database. Closing the stream (the
 * client completes, or the socket goes) unsubscribes at once.
 */
export function eventStream<T>(
  source: EventSource,
  pick: (event: DomainEvent) => T[] | Promise<T[]>,
  onError: (err: unknown) => void,
): AsyncIterableIterator<T> {
  const queue: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | null = null;
  let done = false;
  let picking: Promise<void> = Promise.resolve();

  const push = (items: T[]) => {
    for (const item of items) {
      if (done) return;
      if (waiting) {
        const wake = waiting;
        waiting = null;
        wake({ value: item, done: false });
      } else {
        if (queue.length >= MAX_QUEUED_EVENTS) queue.shift();
        queue.push(item);
      }
    }
  };
  const unsubscribe = source.subscribe(event => {
    if (done) return;
    picking = picking
      .then(() => (done ? [] : pick(event)))
      .then(push)
      .catch(onError);
  });
  const finish = () => {
    if (done) return;
    done = true;
    unsubscribe();
    queue.length = 0;
    if (waiting) {
      const wake = waiting;
      waiting = null;
      wake({ value: undefined, done: true });
    }
  };
  return {
    next() {
      if (queue.length) return Promise.resolve({ value: queue.shift() as T, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise(resolve => {
        waiting = resolve;
      });
    },
    return() {
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(err: unknown) {
      finish();
      return Promise.reject(err);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
