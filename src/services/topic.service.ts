import type { DataSource } from "typeorm";
import { Topic } from "../../entities";
import { alignById } from "../db/batch";

/** Reads topics. */
export class TopicService {
  constructor(private readonly dataSource: DataSource) {}

  all(): Promise<Topic[]> {
    return this.dataSource.getRepository(Topic).find({ order: { name: "ASC", id: "ASC" } });
  }

  async byIds(ids: readonly number[]): Promise<(Topic | null)[]> {
    const rows = ids.length
      ? await this.dataSource
          .getRepository(Topic)
          .createQueryBuilder("t")
          .whereInIds([...ids])
          .getMany()
      : [];
    return alignById(ids, rows);
  }

  bySlug(slug: string): Promise<Topic | null> {
    return this.dataSource.getRepository(Topic).findOneBy({ slug });
  }
}
