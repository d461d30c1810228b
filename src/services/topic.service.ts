import type { DataSource } from "typeorm";
import { Topic } from "../../entities";
import { loadByIds } from "../db/batch";
import { ReferenceCache } from "./reference-cache";

/** Reads topics. */
export class TopicService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly references: ReferenceCache = new ReferenceCache(),
  ) {}

  /** Every topic by name, held by the process until a topic is written. Do not modify the list. */
  all(): Promise<Topic[]> {
    return this.references.get("topics", "all", () =>
      this.dataSource.getRepository(Topic).find({ order: { name: "ASC", id: "ASC" } }),
    );
  }

  byIds(ids: readonly number[]): Promise<(Topic | null)[]> {
    return loadByIds(this.dataSource, Topic, ids);
  }

  bySlug(slug: string): Promise<Topic | null> {
    return this.dataSource.getRepository(Topic).findOneBy({ slug });
  }
}
