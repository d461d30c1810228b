import type { DataSource } from "typeorm";
import { Topic } from "../../entities";
import { loadByIds } from "../db/batch";

/** Reads topics. */
export class TopicService {
  constructor(private readonly dataSource: DataSource) {}

  all(): Promise<Topic[]> {
    return this.dataSource.getRepository(Topic).find({ order: { name: "ASC", id: "ASC" } });
  }

  byIds(ids: readonly number[]): Promise<(Topic | null)[]> {
    return loadByIds(this.dataSource, Topic, ids);
  }

  bySlug(slug: string): Promise<Topic | null> {
    return this.dataSource.getRepository(Topic).findOneBy({ slug });
  }
}
