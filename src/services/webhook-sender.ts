import { createHmac, randomBytes } from "node:crypto";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { withFields } from "../core/objects";

/** The prefix Standard Webhooks gives symmetric secrets. */
export const WEBHOOK_SECRET_PREFIX = "whsec_";

/** A new signing secret: `whsec_` + base64 of 32 random bytes (what Standard Webhooks expects). */
export function newWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(32).toString("base64");
}

/**
 * The Standard Webhooks signature header value: `v1,` + base64 HMAC-SHA256, keyed with the secret's
 * bytes, over `<webhook-id>.<webhook-timestamp>.<body>`.
 */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice(WEBHOOK_SECRET_PREFIX.length), "base64");
  const mac = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`, "utf8");
  return `v1,${mac.digest("base64")}`;
}

/** Address ranges a delivery may not reach unless private addresses are allowed. */
const BLOCKED = (() => {
  const list = new net.BlockList();
  for (const [net4, bits] of [
    ["0.0.0.0", 8], // "this" network
    ["10.0.0.0", 8],
    ["100.64.0.0", 10], // carrier-grade NAT
    ["127.0.0.0", 8], // loopback
    ["169.254.0.0", 16], // link-local (cloud metadata lives here)
    ["172.16.0.0", 12],
    ["192.0.0.0", 24],
    ["192.168.0.0", 16],
    ["198.18.0.0", 15], // benchmarking
    ["224.0.0.0", 4], // multicast
    ["240.0.0.0", 4], // reserved, broadcast
  ] as const) {
    list.addSubnet(net4, bits, "ipv4");
  }
  for (const [net6, bits] of [
    ["::", 128], // unspecified
    ["::1", 128], // loopback
    ["fc00::", 7], // unique local
    ["fe80::", 10], // link-local
    ["ff00::", 8], // multicast
  ] as const) {
    list.addSubnet(net6, bits, "ipv6");
  }
  return list;
})();

/** True when `address` (an IP literal) is private, loopback, link-local or otherwise not public. */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return BLOCKED.check(address, "ipv4");
  if (family !== 6) return true;
  // An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is the IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return BLOCKED.check(mapped[1], "ipv4");
  return BLOCKED.check(address, "ipv6");
}

/** True for names that always mean this machine (`localhost`, `*.localhost`). */
export function isLocalName(url: URL): boolean {
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  return host === "localhost" || host.endsWith(".localhost");
}

/** A delivery refused before any connection, or a URL that may not be a webhook target. */
export class WebhookTargetError extends Error {
  override name = "WebhookTargetError";
}

/**
 * Checks a webhook URL's shape: http(s), no credentials, no fragment; a host that is an IP literal
 * must be public unless `allowPrivate`. Names are resolved and checked when a delivery connects.
 */
export function checkWebhookUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookTargetError("must be an absolute http(s) URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new WebhookTargetError("must be an http or https URL");
  }
  if (url.username || url.password) throw new WebhookTargetError("must not carry credentials");
  if (url.hash) throw new WebhookTargetError("must not have a fragment");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate && net.isIP(host) && isPrivateAddress(host)) {
    throw new WebhookTargetError("must not point at a private, loopback or link-local address");
  }
  return url;
}

export interface SendOptions {
  timeoutMs: number;
  allowPrivate: boolean;
}

/** What one attempt came to: an HTTP status, or no answer and why. */
export type SendResult = { status: number; error: null } | { status: null; error: string };

/**
 * POSTs one signed delivery. The connection goes only to an address checked after resolving the
 * name (so a name that resolves to a private address is refused, whatever it resolved to before),
 * redirects are not followed (a 3xx is a failed attempt), and the whole attempt is bounded by
 * `timeoutMs`. The answer's body is read and discarded (at most 64 KiB).
 */
export function sendWebhook(
  target: string,
  headers: Record<string, string>,
  body: string,
  options: SendOptions,
): Promise<SendResult> {
  let url: URL;
  try {
    url = checkWebhookUrl(target, options.allowPrivate);
  } catch (err) {
    return Promise.resolve({ status: null, error: `refused: ${(err as Error).message}` });
  }
  const lookup: net.LookupFunction = (hostname, lookupOptions, callback) => {
    dns.lookup(hostname, withFields(lookupOptions, { all: true }), (err, addresses) => {
      if (err) return callback(err, "", 4);
      const list = addresses as dns.LookupAddress[];
      const allowed = options.allowPrivate ? list : list.filter(a => !isPrivateAddress(a.address));
      if (!allowed.length) {
        const refused = new WebhookTargetError(
          `${hostname} resolves only to private, loopback or link-local addresses`,
        );
        return callback(refused as NodeJS.ErrnoException, "", 4);
      }
      if ((lookupOptions as { all?: boolean }).all) {
        return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, allowed);
      }
      callback(null, allowed[0].address, allowed[0].family);
    });
  };
  return new Promise(resolve => {
    let settled = false;
    const done = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(
      url,
      {
        method: "POST",
        headers: withFields(headers, {
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "Crosstalk-Webhooks/1",
        }),
        lookup,
        agent: false,
      },
      res => {
        let read = 0;
        res.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > 65_536) res.destroy();
        });
        res.on("close", () => done({ status: res.statusCode ?? 0, error: null }));
        res.on("error", () => done({ status: res.statusCode ?? 0, error: null }));
      },
    );
    const timer = setTimeout(() => {
      req.destroy(new Error(`no answer within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    req.on("error", err => done({ status: null, error: err.message.slice(0, 500) }));
    req.end(body);
  });
}
