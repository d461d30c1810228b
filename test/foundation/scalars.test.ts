import { DateScalar, DateTimeScalar } from "../../src/core/scalars";

describe("DateTime and Date scalars", () => {
  it("reads instants with an explicit offset, to the second", () => {
    const parsed = DateTimeScalar.parseValue("2008-11-12T09:00:00.600-05:00") as Date;
    expect(parsed.toISOString()).toBe("2008-11-12T14:00:00.000Z");
  });

  it.each(["2008-11-12T09:00:00", "2008-11-12", "yesterday", "2008-13-40T09:00:00Z"])(
    "refuses %j",
    value => {
      expect(() => DateTimeScalar.parseValue(value)).toThrow(/DateTime/);
    },
  );

  it("reads only real calendar dates", () => {
    expect(DateScalar.parseValue("2008-11-12")).toBe("2008-11-12");
    expect(() => DateScalar.parseValue("2008-02-31")).toThrow(/YYYY-MM-DD/);
  });
});
