import { FieldResolver, Resolver, Root } from "type-graphql";
import type { SearchFacets as Facets } from "../src/services/graph-search.service";
import { SearchConnection, SearchFacets, SearchType } from "./types/search";

/** The facets of a search: computed only when asked for, over the whole result set. */
@Resolver(_of => SearchConnection)
export class SearchFacetFields {
  @FieldResolver(_returns => SearchFacets, {
    description:
      "Counts by type and by root community over every result, not just this page (one statement).",
  })
  async facets(@Root() page: { facets: () => Promise<Facets> }): Promise<SearchFacets> {
    const { byKind, byCommunity } = await page.facets();
    return {
      byType: byKind.map(f => ({ type: f.kind as SearchType, count: f.count })),
      byCommunity,
    };
  }
}
