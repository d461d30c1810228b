import { fromGlobalId, NODE_TYPES, toGlobalId } from "../../src/core/global-id";

describe("global ids", () => {
  const encode = (type: string, id: number) =>
    Buffer.from(`${type}:${id}`, "utf8").toString("base64url");

  it("are base64url of Type:id, the same whether encoded now or held from before", () => {
    for (const type of NODE_TYPES) {
      for (const id of [1, 42, 2147483647]) {
        const first = toGlobalId(type, id);
        expect(first).toBe(encode(type, id));
        expect(toGlobalId(type, id)).toBe(first);
        expect(fromGlobalId(first)).toEqual({ type, id });
      }
    }
  });

  it("stay right for two types that share an id, and past the number held", () => {
    expect(toGlobalId("Session", 7)).not.toBe(toGlobalId("Person", 7));
    // More ids than the process holds: it starts afresh, and every id is still its encoding.
    for (let id = 1; id <= 25_000; id++) {
      const type = id % 2 ? "Session" : "Person";
      if (toGlobalId(type, id) !== encode(type, id)) throw new Error(`${type} ${id}`);
    }
    expect(toGlobalId("Session", 1)).toBe(encode("Session", 1));
    expect(toGlobalId("Person", 24_998)).toBe(encode("Person", 24_998));
  });
});
