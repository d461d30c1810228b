import { createUnionType, Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { Article, Community, Person, Session } from "../../entities";
import { PageInfo } from "./connection";
import { Awaited } from "../../src/graphql/awaited";

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
      "Relevance from the search index (BM25 term weights, a title word counting three times); higher is better. Compare only within one search.",
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
  @Awaited()
  totalCount!: number;
}

@ObjectType({ description: "How many results of one kind the whole search holds." })
export class SearchTypeCount {
  @Field(_type => SearchType, { description: "The kind." })
  type!: SearchType;

  @Field(_type => Int, { description: "Results of this kind." })
  count!: number;
}

@ObjectType({ description: "How many results of the whole search belong to one root community." })
export class SearchCommunityCount {
  @Field(_type => Community, { description: "The root community." })
  community!: Community;

  @Field(_type => Int, {
    description:
      "Results for it or a community below it: sessions by audience, people by the audiences they speak to, articles by coverage or publication.",
  })
  count!: number;
}

@ObjectType({
  description:
    "Counts over the whole result set (every page), after the `types` and `community` filters.",
})
export class SearchFacets {
  @Field(_type => [SearchTypeCount], {
    description:
      "By kind, in the order sessions, people, articles; kinds without results left out.",
  })
  byType!: SearchTypeCount[];

  @Field(_type => [SearchCommunityCount], {
    description:
      "By root community, most results first. A result for two communities counts under both.",
  })
  byCommunity!: SearchCommunityCount[];
}
