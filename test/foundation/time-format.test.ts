import { DateTime } from "luxon";
import { formatInstant } from "../../src/core/time";

/** What formatInstant wrote before it cached offsets: luxon asked afresh for every instant. */
const viaLuxon = (instant: Date, zone: string) =>
  DateTime.fromJSDate(instant, { zone }).toISO({ suppressMilliseconds: true });

const ZONES = [
  "America/New_York",
  "Europe/Berlin",
  "Europe/London",
  "Asia/Tokyo",
  "Asia/Kathmandu", // +05:45
  "America/St_Johns", // -03:30 with DST
  "Australia/Lord_Howe", // a 30-minute DST shift
  "Pacific/Chatham", // +12:45 / +13:45
  "Africa/Monrovia", // -00:44:30 until 1972
  "Etc/UTC",
  "UTC",
  "utc",
  "America/Los_Angeles",
];

describe("formatInstant writes what luxon writes, from offsets cached per hour", () => {
  it("agrees with luxon on random instants from 1900 to 2100 in zones with odd offsets", () => {
    // A fixed LCG: the same instants every run.
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const from = Date.UTC(1900, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    for (let i = 0; i < 1500; i++) {
      const ms = Math.floor(from + next() * (to - from));
      // Half on whole minutes (as sessions are), half with seconds and milliseconds.
      const instant = new Date(i % 2 ? ms - (ms % 60_000) : ms);
      for (const zone of ZONES) expect(formatInstant(instant, zone)).toBe(viaLuxon(instant, zone));
    }
  });

  it("is exact on both sides of DST transitions, every minute of the hours around them", () => {
    const transitions = [
      Date.UTC(2024, 2, 10, 7), // New York springs forward at 02:00 local
      Date.UTC(2024, 10, 3, 6), // and falls back
      Date.UTC(2024, 2, 31, 1), // Europe at 01:00 UTC
      Date.UTC(2024, 9, 27, 1),
      Date.UTC(2024, 3, 6, 15), // Lord Howe, 30 minutes back at 02:00 local
    ];
    for (const t of transitions) {
      for (let m = -90; m <= 90; m++) {
        const instant = new Date(t + m * 60_000);
        for (const zone of ZONES) {
          expect(formatInstant(instant, zone)).toBe(viaLuxon(instant, zone));
        }
      }
    }
  });

  it("answers the same from the cache as the first time", () => {
    const instant = new Date(Date.UTC(2008, 10, 12, 14, 0, 0));
    expect(formatInstant(instant, "America/New_York")).toBe("2008-11-12T09:00:00-05:00");
    expect(formatInstant(instant, "America/New_York")).toBe("2008-11-12T09:00:00-05:00");
    expect(formatInstant(new Date(instant.getTime() + 1), "UTC")).toBe("2008-11-12T14:00:00.001Z");
  });

  it("holds each instant's text per zone, and stays exact once it has held its bound and started afresh", () => {
    const instant = new Date(Date.UTC(2008, 10, 12, 14, 0, 0));
    for (let i = 0; i < 2; i++) {
      expect(formatInstant(instant, "America/New_York")).toBe("2008-11-12T09:00:00-05:00");
      expect(formatInstant(instant, "Europe/Berlin")).toBe("2008-11-12T15:00:00+01:00");
    }
    // More distinct instants than are held (50,000): the first ones are formatted again, exactly.
    const base = Date.UTC(2030, 0, 1);
    for (let i = 0; i < 60_000; i++) formatInstant(new Date(base + i * 60_000), "Asia/Tokyo");
    for (const i of [0, 1, 29_999, 59_999]) {
      const at = new Date(base + i * 60_000);
      expect(formatInstant(at, "Asia/Tokyo")).toBe(viaLuxon(at, "Asia/Tokyo"));
    }
    expect(formatInstant(instant, "America/New_York")).toBe("2008-11-12T09:00:00-05:00");
  });
});
