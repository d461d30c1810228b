import { createUnionType, Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { Article, Person, Session } from "../../entities";
import { PageInfo } from "./connection";

export enum SearchType {
  SESSION = "Session",
  PERSON = "Person",
  ARTICLE = "Article",
}

registerEnumType(SearchType, {
  name: "SearchType",
  description: "The kinds of record `search` can return.",
  valuesConfig: {
    SESSION: { description: "Sessions (title and abstract)." },
    PERSON: { description: "People (name and bio)." },
    ARTICLE: { description: "Published articles (title, excerpt and body)." },
  },
});

export const SearchResult = createUnionType({
  name: "SearchResult",
  description: "Something `search` found: a session, a person or an article.",
  types: () => [Session, Person, Article] as const,
});

@ObjectType({ description: "One search result with its cursor and relevance." })
export class SearchEdge {
  @Field({ description: "Opaque cursor of this edge; pass it as `after` or `before`." })
  cursor!: string;

  @Field(_type => SearchResult, { description: "The matching record." })
  node!: typeof SearchResult;

  @Field(_type => Float, {
    description:
      "Relevance from the full-text index; higher is better. Compare only within one search.",
  })
  score!: number;
}

@ObjectType({ description: "A page of search results, most relevant first." })
export class SearchConnection {
  @Field(_type => [SearchEdge], { description: "The results of this page, in order." })
  edges!: SearchEdge[];

  @Field(_type => PageInfo, { description: "Paging state." })
  pageInfo!: PageInfo;

  @Field(_type => Int, { description: "How many results the whole search holds." })
  totalCount!: number;
}
