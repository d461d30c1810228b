import { parse } from "graphql";
import { CostMemo } from "../../src/server/query-limits";

describe("costs are measured once per document, operation and variables", () => {
  it("measures again only for other variables, another operation or another document", () => {
    const memo = new CostMemo();
    const document = parse(`query A($n: Int!) { sessions(first: $n) { nodes { slug } } }`);
    let walks = 0;
    const measure = (cost: number) => () => (walks++, cost);
    expect(memo.of(document, "A", { n: 5 }, measure(6))).toBe(6);
    expect(memo.of(document, "A", { n: 5 }, measure(99))).toBe(6);
    expect(walks).toBe(1);
    expect(memo.of(document, "A", { n: 50 }, measure(51))).toBe(51);
    expect(memo.of(document, null, { n: 5 }, measure(7))).toBe(7);
    expect(memo.of(parse(`query A { viewer { role } }`), "A", { n: 5 }, measure(1))).toBe(1);
    expect(walks).toBe(4);
  });

  it("keeps no refusal: a document refused once is measured (and refused) again", () => {
    const memo = new CostMemo();
    const document = parse(`{ viewer { role } }`);
    const refuse = () => {
      throw new Error("too complex");
    };
    expect(() => memo.of(document, null, {}, refuse)).toThrow("too complex");
    expect(() => memo.of(document, null, {}, refuse)).toThrow("too complex");
  });
});
