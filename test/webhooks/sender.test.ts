import {
  checkWebhookUrl,
  isPrivateAddress,
  sendWebhook,
  signWebhook,
} from "../../src/services/webhook-sender";
import { Webhook } from "standardwebhooks";
import { Receiver } from "./receiver";

describe("the webhook sender", () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await new Receiver().start();
  });
  afterAll(() => receiver.close());

  it("knows private, loopback and link-local addresses from public ones", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
      "::ffff:169.254.169.254",
      "not an address",
    ]) {
      expect([address, isPrivateAddress(address)]).toEqual([address, true]);
    }
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) {
      expect([address, isPrivateAddress(address)]).toEqual([address, false]);
    }
  });

  it("refuses URLs that are not plain http(s) to a public host", () => {
    for (const url of [
      "ftp://example.org/",
      "http://user:pw@example.org/",
      "http://127.0.0.1:8080/",
      "http://[::1]/",
      "http://169.254.169.254/latest/meta-data",
      "not a url",
    ]) {
      expect(() => checkWebhookUrl(url, false)).toThrow();
    }
    expect(checkWebhookUrl("https://hooks.example.org/in", false).hostname).toBe(
      "hooks.example.org",
    );
    expect(checkWebhookUrl("http://127.0.0.1:8080/", true).port).toBe("8080");
  });

  it("does not connect to loopback unless allowed, also when a name resolves to it", async () => {
    const port = new URL(receiver.url).port;
    const literal = await sendWebhook(`http://127.0.0.1:${port}/a`, {}, "{}", {
      timeoutMs: 2000,
      allowPrivate: false,
    });
    expect(literal).toEqual({ status: null, error: expect.stringMatching(/^refused/) });
    // A name is checked by what it resolves to when connecting, not by its spelling.
    const named = await sendWebhook(`http://localhost:${port}/b`, {}, "{}", {
      timeoutMs: 2000,
      allowPrivate: false,
    });
    expect(named).toEqual({
      status: null,
      error: expect.stringMatching(/localhost resolves only to private, loopback or link-local/),
    });
    expect(receiver.received).toHaveLength(0);

    const allowed = await sendWebhook(`http://localhost:${port}/c`, {}, "{}", {
      timeoutMs: 2000,
      allowPrivate: true,
    });
    expect(allowed).toEqual({ status: 200, error: null });
    expect(receiver.at("/c")).toHaveLength(1);
  });

  it("does not follow redirects and gives up after the timeout", async () => {
    receiver.plan("/moved", () => ({
      status: 301,
      headers: { location: `${receiver.url}/target` },
    }));
    const moved = await sendWebhook(`${receiver.url}/moved`, {}, "{}", {
      timeoutMs: 2000,
      allowPrivate: true,
    });
    expect(moved).toEqual({ status: 301, error: null });
    expect(receiver.at("/target")).toHaveLength(0);

    receiver.plan("/slow", () => "hold");
    const started = Date.now();
    const slow = await sendWebhook(`${receiver.url}/slow`, {}, "{}", {
      timeoutMs: 300,
      allowPrivate: true,
    });
    expect(slow.status).toBeNull();
    expect(slow.error).toMatch(/300 ms/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("signs exactly as the standardwebhooks library verifies", () => {
    const secret = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
    const timestamp = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({ type: "schedule.changed", data: { a: "é" } });
    const signature = signWebhook(secret, "evt_1", timestamp, body);
    expect(
      new Webhook(secret).verify(body, {
        "webhook-id": "evt_1",
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signature,
      }),
    ).toEqual(JSON.parse(body));
    expect(new Webhook(secret).sign("evt_1", new Date(timestamp * 1000), body)).toBe(signature);
  });
});
