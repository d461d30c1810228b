import { ArgsType, Field, Int, ObjectType, type ClassType } from "type-graphql";
import { MAX_PAGE_SIZE } from "../../src/db/pagination";
import { Awaited } from "../../src/graphql/awaited";

@ObjectType({ description: "Where a page sits in its connection (Relay Cursor Connections)." })
export class PageInfo {
  @Field({ description: "True when more items follow this page." })
  hasNextPage!: boolean;

  @Field({ description: "True when items come before this page." })
  hasPreviousPage!: boolean;

  @Field(_type => String, { nullable: true, description: "Cursor of the first edge, if any." })
  startCursor!: string | null;

  @Field(_type => String, { nullable: true, description: "Cursor of the last edge, if any." })
  endCursor!: string | null;
}

/** Relay pagination arguments, shared by every connection field. */
@ArgsType()
export class ConnectionArgs {
  @Field(_type => Int, {
    nullable: true,
    description: `Items after \`after\` (default 20, at most ${MAX_PAGE_SIZE}).`,
  })
  first?: number | null;

  @Field(_type => String, {
    nullable: true,
    description: "Cursor to start after (forward paging).",
  })
  after?: string | null;

  @Field(_type => Int, {
    nullable: true,
    description: `Items before \`before\` (at most ${MAX_PAGE_SIZE}).`,
  })
  last?: number | null;

  @Field(_type => String, {
    nullable: true,
    description: "Cursor to end before (backward paging).",
  })
  before?: string | null;
}

/**
 * Builds `XConnection` and `XEdge` for a node type. `totalCount` is a getter on the page object, so
 * its query runs only when the client selects it.
 */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string, plural: string) {
  @ObjectType(`${name}Edge`, {
    description: `One ${name.toLowerCase()} in a page, with its cursor.`,
  })
  class Edge {
    @Field({ description: "Opaque cursor of this edge; pass it as `after` or `before`." })
    cursor!: string;

    @Field(_type => nodeType, { description: `The ${name.toLowerCase()}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${plural}.` })
  class ConnectionType {
    @Field(_type => [Edge], { description: "The items of this page, in order." })
    edges!: Edge[];

    @Field(_type => [nodeType], {
      description: "The items of this page without cursors (shortcut for edges.node).",
    })
    nodes!: T[];

    @Field(_type => PageInfo, { description: "Paging state." })
    pageInfo!: PageInfo;

    @Field(_type => Int, {
      description:
        "How many items the whole connection holds (costs a count; select only when needed).",
    })
    @Awaited()
    totalCount!: number;
  }
  return ConnectionType;
}
