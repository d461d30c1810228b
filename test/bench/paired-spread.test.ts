import { pairedSpread } from "../../bench/measure";

// The benchmark's articles-pages target is a spread of throughputs; this is how it is computed.
describe("bench: pairedSpread", () => {
  it("is 0 for operations equally fast, however the machine drifts between cycles", () => {
    const { relative, spread } = pairedSpread([
      [1000, 1000, 1000],
      [500, 500, 500],
      [1400, 1400, 1400],
    ]);
    for (const r of relative) expect(r).toBeCloseTo(1, 12);
    expect(spread).toBeCloseTo(0, 12);
  });

  it("keeps a real difference through the drift: the slower operation stays 25% slower", () => {
    const cycles = [1, 0.5, 1.3, 0.8, 1.1].map(speed => [1000 * speed, 1000 * speed, 800 * speed]);
    const { spread, relative } = pairedSpread(cycles);
    expect(spread).toBeCloseTo(0.25, 12);
    expect(relative[0] / relative[2]).toBeCloseTo(1.25, 12);
  });

  it("takes the median over cycles, so one disturbed cycle does not decide it", () => {
    const { spread } = pairedSpread([
      [1000, 1000],
      [1000, 400],
      [1000, 1000],
    ]);
    expect(spread).toBeCloseTo(0, 12);
  });

  it("refuses an empty table, a ragged one and a throughput that is not positive", () => {
    expect(() => pairedSpread([])).toThrow(RangeError);
    expect(() => pairedSpread([[1, 2], [1]])).toThrow(/every operation/);
    expect(() => pairedSpread([[1, 0]])).toThrow(/positive/);
    expect(() => pairedSpread([[1, Number.NaN]])).toThrow(/positive/);
  });
});
