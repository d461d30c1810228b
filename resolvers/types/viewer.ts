import { Field, ObjectType } from "type-graphql";
import { Role } from "../../entities";

/** Who is asking, as the API sees it. */
@ObjectType({ description: "Who is asking, as the API sees the current request." })
export class Viewer {
  @Field(_type => Role, {
    nullable: true,
    description: "The role of the bearer token sent; null for an anonymous request.",
  })
  role!: Role | null;
}
