import type { DataSource } from "typeorm";
import { Community } from "../../entities";
import { ReferenceCache } from "./reference-cache";

/** How many root communities a session's audiences must span to be cross-community. */
const CROSS_COMMUNITY_ROOTS = 2;

/** The community forest, held in memory for one request (it is small and read everywhere). */
export class CommunityTree {
  private readonly byId: Map<number, Community>;
  private readonly children = new Map<number | null, Community[]>();

  constructor(readonly all: Community[]) {
    this.byId = new Map(all.map(c => [c.id, c]));
    for (const c of all) {
      const list = this.children.get(c.parentId) ?? [];
      list.push(c);
      this.children.set(c.parentId, list);
    }
  }

  get(id: number): Community | null {
    return this.byId.get(id) ?? null;
  }

  /** The communities of `ids`, in their order, skipping any not in the tree. */
  getAll(ids: readonly number[]): Community[] {
    const found: Community[] = [];
    for (const id of ids) {
      const community = this.byId.get(id);
      if (community) found.push(community);
    }
    return found;
  }

  bySlug(slug: string): Community | null {
    return this.all.find(c => c.slug === slug) ?? null;
  }

  roots(): Community[] {
    return this.childrenOf(null);
  }

  childrenOf(id: number | null): Community[] {
    return this.children.get(id) ?? [];
  }

  /** The community and everything below it. */
  selfAndDescendantIds(id: number): number[] {
    return [id, ...this.descendantsOf(id).map(c => c.id)];
  }

  /** Every community below `id` at any depth, depth-first, each level by name. */
  descendantsOf(id: number): Community[] {
    const out: Community[] = [];
    const seen = new Set([id]);
    const stack = [...this.childrenOf(id)].reverse();
    while (stack.length) {
      const next = stack.pop() as Community;
      if (seen.has(next.id)) continue; // tolerate a corrupt cycle rather than loop forever
      seen.add(next.id);
      out.push(next);
      stack.push(...[...this.childrenOf(next.id)].reverse());
    }
    return out;
  }

  /**
   * The root communities an audience spans, by name. A session is cross-community when this has
   * more than one entry (Python and PHP, say; Zope/Grok and Python count as one: Python).
   */
  audienceRoots(audienceIds: readonly number[]): Community[] {
    const roots = [...new Set(audienceIds.map(id => this.rootId(id)))];
    return this.all.filter(c => roots.includes(c.id));
  }

  /** The one rule: a session is cross-community when its audiences span two or more roots. */
  isCrossCommunity(audienceIds: readonly number[]): boolean {
    return this.audienceRoots(audienceIds).length >= CROSS_COMMUNITY_ROOTS;
  }

  /**
   * The same rule in SQL, for the sessions of alias `session`: each audience community is mapped to
   * its root with a CASE built from the (small) tree, then the roots are counted.
   */
  crossCommunitySql(session: string, cross: boolean): string {
    const cases = this.all
      .map(c => `WHEN ${Number(c.id)} THEN ${Number(this.rootId(c.id))}`)
      .join(" ");
    const roots = `(SELECT COUNT(DISTINCT CASE xa.community_id ${cases || "WHEN 0 THEN 0"} END) FROM session_audience xa WHERE xa.session_id = ${session}.id)`;
    return cross ? `${roots} >= ${CROSS_COMMUNITY_ROOTS}` : `${roots} < ${CROSS_COMMUNITY_ROOTS}`;
  }

  /** The root community above (or at) `id`. */
  rootId(id: number): number {
    let current = this.byId.get(id);
    const seen = new Set<number>();
    while (current?.parentId != null && !seen.has(current.id)) {
      seen.add(current.id);
      current = this.byId.get(current.parentId);
    }
    return current?.id ?? id;
  }
}

/** Reads communities. */
export class CommunityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly references: ReferenceCache = new ReferenceCache(),
  ) {}

  /**
   * The whole forest, ordered by name: one statement the first time, then held by the process until
   * a community is written (ReferenceCache). Callers must not modify it.
   */
  tree(): Promise<CommunityTree> {
    return this.references.get("communities", "tree", () => this.load());
  }

  private async load(): Promise<CommunityTree> {
    const all = await this.dataSource.getRepository(Community).find({ order: { id: "ASC" } });
    // Sorted here, not in SQL, so that both engines' collations give the same order.
    all.sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }));
    return new CommunityTree(all);
  }
}
