import { escapeText, foldLine, observances, vtimezone } from "../../src/render/ical";
import { sessionGuid, sessionUid } from "../../src/render/feed-ids";

describe("RFC 5545 formatting", () => {
  it("escapes backslash, semicolon, comma and newlines, and drops control characters", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf\rg\u0007h\ti")).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng" + "h\ti");
  });

  it("folds at 75 octets without splitting UTF-8 sequences", () => {
    const line = `SUMMARY:${"é".repeat(100)}🐍${"x".repeat(80)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    for (const part of parts.slice(1)) expect(part.startsWith(" ")).toBe(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join("")).toBe(line);
    expect(foldLine("SHORT:x")).toBe("SHORT:x");
  });

  it("derives UIDs and version-5 GUIDs from the session id only", () => {
    expect(sessionUid(42)).toBe("session-42@crosstalk");
    expect(sessionGuid(42)).toBe(sessionGuid(42));
    expect(sessionGuid(42)).not.toBe(sessionGuid(43));
    expect(sessionGuid(42)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it("builds observances from the IANA database, north and south, with and without DST", () => {
    const from = new Date("2008-11-12T00:00:00Z");
    const to = new Date("2008-11-16T00:00:00Z");
    const ny = observances("America/New_York", from, to);
    expect(ny.find(o => new Date(o.at).toISOString() === "2008-11-02T06:00:00.000Z")).toMatchObject(
      { daylight: false, from: -240, to: -300 },
    );
    const sydney = observances("Australia/Sydney", from, to);
    expect(
      sydney.find(o => new Date(o.at).toISOString() === "2008-10-04T16:00:00.000Z"),
    ).toMatchObject({ daylight: true, from: 600, to: 660 });
    const tokyo = vtimezone("Asia/Tokyo", from, to);
    expect(tokyo).toEqual([
      "BEGIN:VTIMEZONE",
      "TZID:Asia/Tokyo",
      "BEGIN:STANDARD",
      "DTSTART:20070101T000000",
      "TZOFFSETFROM:+0900",
      "TZOFFSETTO:+0900",
      expect.stringMatching(/^TZNAME:/),
      "END:STANDARD",
      "END:VTIMEZONE",
    ]);
  });
});
