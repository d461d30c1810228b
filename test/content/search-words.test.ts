import {
  MAX_QUERY_WORDS,
  MAX_WEIGHT,
  prefixEnd,
  queryWords,
  searchWords,
  wordWeights,
} from "../../src/core/search-text";

/** The one rule for what search sees of text (src/core/search-text.ts), on indexing and on query. */
describe("search words", () => {
  it("keeps letters and digits, lower-cased, without accents, and drops stopwords", () => {
    expect(searchWords("Einführung in Git: the Zusammenführungen, PHP5 & Python_3!")).toEqual([
      "einfuhrung",
      "git",
      "zusammenfuhrungen",
      "php5",
      "python_3",
    ]);
    expect(searchWords("a I é")).toEqual([]);
    expect(searchWords("x".repeat(65))).toEqual([]);
    expect(searchWords("")).toEqual([]);
  });

  it("uses each query word once, at most eight, whatever the punctuation", () => {
    expect(queryWords('git "GIT" +git* (git)')).toEqual(["git"]);
    expect(queryWords(Array.from({ length: 12 }, (_, i) => `word${i}`).join(" "))).toHaveLength(
      MAX_QUERY_WORDS,
    );
    expect(queryWords("'; DROP TABLE session; --")).toEqual(["drop", "table", "session"]);
  });

  it("bounds every word that starts with a prefix, and no other", () => {
    const end = prefixEnd("perf");
    const within = (w: string) => w >= "perf" && w < end;
    expect(["perf", "perform", "performance", "perf_2", "perfź"].every(within)).toBe(true);
    expect(["per", "perg", "pere", "pe", "q"].some(within)).toBe(false);
  });

  it("weighs a title word above a body word, a short record above a long one, repeats less and less", () => {
    const weigh = (title: string, body: string, typical = 60) =>
      wordWeights(
        [
          { text: title, boost: 3 },
          { text: body, boost: 1 },
        ],
        typical,
      );
    const inTitle = weigh("Git internals", "A talk about storage.").get("git")!;
    const inBody = weigh("Storage internals", "A talk about git.").get("git")!;
    expect(inTitle).toBeGreaterThan(inBody);
    const short = weigh("Talk", "git").get("git")!;
    const long = weigh("Talk", `git ${"filler ".repeat(200)}`).get("git")!;
    expect(short).toBeGreaterThan(long);
    const once = weigh("Talk", "git").get("git")!;
    const twice = weigh("Talk", "git git").get("git")!;
    const thrice = weigh("Talk", "git git git").get("git")!;
    expect(twice).toBeGreaterThan(once);
    expect(thrice - twice).toBeLessThan(twice - once);
    for (const w of weigh("Git git git", "git ".repeat(500)).values()) {
      expect(w).toBeGreaterThanOrEqual(1);
      expect(w).toBeLessThan(MAX_WEIGHT);
    }
  });
});
