import { Field, ID, InterfaceType } from "type-graphql";

/** Relay's Node: anything with a global id that `node(id)` can fetch again. */
@InterfaceType({
  description: "An object with a globally unique, opaque id that `node(id)` resolves.",
})
export abstract class Node {
  @Field(_type => ID, {
    description: "Opaque global id. Do not parse it; pass it back to `node(id)`.",
  })
  id!: string;
}
