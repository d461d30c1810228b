import type { MigrationInterface, QueryRunner } from "typeorm";
import { reindexAll } from "../../search-index";
import { SearchIndexes1795522200000 } from "./1795522200000-SearchIndexes";
import { createTranslationSearch } from "./1796400000001-Translations";

const TRIGGERS = ["session", "person", "article", "translation"].flatMap(table =>
  ["ai", "au", "ad"].map(suffix => `trg_${table}_search_${suffix}`),
);

/**
 * Search moves from FTS5 to its own index, `search_posting` (see src/db/search-index.ts), the same
 * on both engines: FTS5's bm25 ranks every match before it can return the best twenty. The index is
 * filled from the existing records here; the FTS5 tables and the triggers that fed them are dropped.
 * WITHOUT ROWID: the table is its primary key, as on InnoDB.
 */
export class SearchPostings1797000000000 implements MigrationInterface {
  name = "SearchPostings1797000000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "search_posting" ("kind" integer NOT NULL, "subject_id" integer NOT NULL, "term" varchar(64) NOT NULL, "weight_order" integer NOT NULL, "public_from" datetime, PRIMARY KEY ("kind", "subject_id", "term")) WITHOUT ROWID`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_search_posting_term" ON "search_posting" ("kind", "term", "weight_order", "subject_id", "public_from")`,
    );
    await reindexAll(queryRunner);
    for (const trigger of TRIGGERS) await queryRunner.query(`DROP TRIGGER IF EXISTS ${trigger}`);
    await queryRunner.query("DROP TABLE IF EXISTS search_index");
    await queryRunner.query("DROP TABLE IF EXISTS translation_search");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The FTS5 tables and their triggers, as the SearchIndexes and Translations migrations made them.
    await new SearchIndexes1795522200000().up(queryRunner);
    await createTranslationSearch(queryRunner);
    await queryRunner.query(`DROP INDEX "ix_search_posting_term"`);
    await queryRunner.query(`DROP TABLE "search_posting"`);
  }
}
