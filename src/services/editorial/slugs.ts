import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { Article, Community, Conference, Person } from "../../../entities";
import { ConferenceSeries, Publication, Session, Topic } from "../../../entities";
import { ConflictError } from "../../core/errors";
import { SLUG_MAX_LENGTH, SLUG_PATTERN, slugify, type SluggedKind } from "../../core/slug";
import type { Problems } from "./input";

/** The table of each kind that has a slug. */
const SLUGGED_ENTITIES: Record<SluggedKind, EntityTarget<ObjectLiteral>> = {
  Conference,
  Community,
  Session,
  Person,
  Article,
  Topic,
  Publication,
  ConferenceSeries,
};

/** What `chooseSlug` needs to know. */
export interface SlugChoice {
  /** The transaction's manager. */
  manager: EntityManager;
  /** The kind of record: its table, whose slugs must stay unique, and its longest slug. */
  kind: SluggedKind;
  /** The slug the client gave, if any. */
  given: string | null | undefined;
  /** The title or name to make a slug from when none is given. */
  source?: string;
  /** Where a malformed slug is reported. */
  problems: Problems;
  /** The record being updated, whose own slug is no clash. */
  selfId?: number;
}

/**
 * The slug to store: the one given (checked for format and, excluding `selfId`, uniqueness —
 * a taken slug is CONFLICT), or one made from `source`, with `-2`, `-3`, … added when taken.
 */
export async function chooseSlug(choice: SlugChoice): Promise<string> {
  const { manager, kind, given, source = "", problems, selfId } = choice;
  const entity = SLUGGED_ENTITIES[kind];
  const maxLength = SLUG_MAX_LENGTH[kind];
  const repo = manager.getRepository(entity);
  if (given != null) {
    if (!SLUG_PATTERN.test(given) || given.length > maxLength) {
      if (problems.has("slug")) return given;
      problems.add(
        "slug",
        `must be 1 to ${maxLength} lowercase letters, digits and single hyphens (e.g. intro-to-git)`,
      );
      return given;
    }
    const clash = await repo
      .createQueryBuilder("r")
      .select("r.id", "id")
      .where("r.slug = :slug", { slug: given })
      .getRawOne<{ id: number }>();
    if (clash && Number(clash.id) !== selfId) {
      throw new ConflictError(`Another ${kind} already has the slug "${given}"`, {
        field: "slug",
      });
    }
    return given;
  }
  const base = slugify(source, maxLength - 4) || kind.toLowerCase();
  const taken = new Set(
    (
      await repo
        .createQueryBuilder("r")
        .select("r.slug", "slug")
        .where("r.slug = :base OR r.slug LIKE :like", { base, like: `${base}-%` })
        .getRawMany<{ slug: string }>()
    ).map(r => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}
