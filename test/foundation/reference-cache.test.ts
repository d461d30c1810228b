import { ReferenceCache } from "../../src/services/reference-cache";
import { andThen } from "../../src/core/maybe-promise";

/** The per-process reference cache: `getNow` answers a held value without a promise. */
describe("ReferenceCache.getNow", () => {
  it("loads once, as a promise, then returns the held value itself", async () => {
    const cache = new ReferenceCache();
    let loads = 0;
    const load = async () => {
      loads += 1;
      return "Europe/Berlin";
    };
    const first = cache.getNow("zones", "#1", load);
    expect(first).toBeInstanceOf(Promise);
    // A second read while the first is loading shares its promise (one statement).
    expect(cache.getNow("zones", "#1", load)).toBe(first);
    await expect(first).resolves.toBe("Europe/Berlin");
    expect(cache.getNow("zones", "#1", load)).toBe("Europe/Berlin");
    expect(loads).toBe(1);
  });

  it("loads again after a drop, and holds nothing while holding is off", async () => {
    const cache = new ReferenceCache();
    let zone = "UTC";
    const load = async () => zone;
    await cache.getNow("zones", "#1", load);
    zone = "Asia/Tokyo";
    cache.drop("zones");
    const after = cache.getNow("zones", "#1", load);
    expect(after).toBeInstanceOf(Promise);
    await expect(after).resolves.toBe("Asia/Tokyo");
    cache.hold(false);
    expect(cache.getNow("zones", "#1", load)).toBeInstanceOf(Promise);
  });

  it("keeps neither an undefined result nor a failure", async () => {
    const cache = new ReferenceCache();
    await expect(cache.getNow("zones", "#9", async () => undefined)).resolves.toBeUndefined();
    expect(cache.getNow("zones", "#9", async () => "UTC")).toBeInstanceOf(Promise);
    const failing = cache.getNow("zones", "#8", async () => {
      throw new Error("down");
    });
    await expect(failing).rejects.toThrow("down");
    expect(cache.getNow("zones", "#8", async () => "UTC")).toBeInstanceOf(Promise);
  });
});

describe("andThen", () => {
  it("applies at once to a value and after resolution to a promise", async () => {
    expect(andThen(2, n => n * 3)).toBe(6);
    const later = andThen(Promise.resolve(2), n => n * 3);
    expect(later).toBeInstanceOf(Promise);
    await expect(later).resolves.toBe(6);
  });
});
