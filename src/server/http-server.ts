import http from "node:http";
import type { Express } from "express";
import { withFields } from "../core/objects";

/**
 * Node's HTTP server for an Express app, whose requests and responses are born with the app's
 * prototypes (`app.request`, `app.response`).
 *
 * Express gives every request those prototypes as it enters the app (`Object.setPrototypeOf` on
 * `req` and `res`). Changing a live object's prototype moves it to a new hidden class, and V8
 * keeps a request changed that way, and what it reaches, alive through minor collections: on a
 * trivial route about a third of everything a request allocated was promoted to the old
 * generation, so full collections ran several times a second, each pausing the process for 10–30
 * ms, and the route cost twice the CPU. An object that already has the prototype Express gives it
 * is left as it is, so built this way nothing changes hidden class and requests die young.
 *
 * Requests Express never handles (the cached GETs answered before it, WebSocket upgrades) carry
 * the same prototypes, which only add methods and getters to them.
 */
export function createExpressHttpServer(
  app: Express,
  options: Omit<http.ServerOptions, "IncomingMessage" | "ServerResponse">,
  listener: http.RequestListener,
): http.Server {
  return http.createServer(
    withFields(options, {
      IncomingMessage: bornWith<typeof http.IncomingMessage>(http.IncomingMessage, app.request),
      ServerResponse: bornWith<typeof http.ServerResponse>(http.ServerResponse, app.response),
    }),
    listener,
  );
}

/**
 * A constructor that builds what `base` builds, with `prototype` (which must derive from base's).
 * Node's `IncomingMessage` and `ServerResponse` are plain functions, so the new object is made
 * with `new` and `base` runs on it: measured, a `Reflect.construct` with a new target promotes
 * just as the prototype change does.
 */
function bornWith<C extends abstract new (...args: never[]) => object>(
  base: C,
  prototype: object,
): C {
  if (!(prototype instanceof base)) {
    throw new TypeError(`the prototype given for ${base.name} does not derive from it`);
  }
  if (/^class\b/.test(Function.prototype.toString.call(base))) {
    throw new TypeError(
      `${base.name} is a class: requests cannot be born with Express's prototypes`,
    );
  }
  const init = base as unknown as (this: object, ...args: unknown[]) => void;
  function Born(this: object, ...args: unknown[]): void {
    init.apply(this, args);
  }
  Born.prototype = prototype;
  Object.defineProperty(Born, "name", { value: base.name });
  return Born as unknown as C;
}
