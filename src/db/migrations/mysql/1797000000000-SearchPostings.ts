import type { MigrationInterface, QueryRunner } from "typeorm";
import { reindexAll } from "../../search-index";

const FULLTEXT = [
  ["session", "ft_session_text", "`title`, `abstract`"],
  ["person", "ft_person_text", "`name`, `bio`"],
  ["article", "ft_article_text", "`title`, `excerpt`, `body`"],
  ["translation", "ft_translation_text", "`text`"],
] as const;

/**
 * Search moves from InnoDB FULLTEXT to its own index, `search_posting` (see src/db/search-index.ts):
 * a FULLTEXT query ranks every match before it can return the best twenty, so a common word cost
 * as much as all the records holding it. The index is filled from the existing records here, then
 * the FULLTEXT indexes (which every write also paid for) are dropped. Words are compared by code
 * point (`utf8mb4_bin`): the index stores them normalised, and a case- or accent-insensitive
 * collation would make distinct words collide in the primary key.
 */
export class SearchPostings1797000000000 implements MigrationInterface {
  name = "SearchPostings1797000000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE `search_posting` (`kind` tinyint UNSIGNED NOT NULL, `subject_id` int NOT NULL, `term` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, `weight_order` smallint UNSIGNED NOT NULL, `public_from` datetime NULL, PRIMARY KEY (`kind`, `subject_id`, `term`), INDEX `ix_search_posting_term` (`kind`, `term`, `weight_order`, `subject_id`, `public_from`)) ENGINE=InnoDB",
    );
    await reindexAll(queryRunner);
    for (const [table, index] of FULLTEXT) {
      await queryRunner.query(`ALTER TABLE \`${table}\` DROP INDEX \`${index}\``);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, index, columns] of FULLTEXT) {
      await queryRunner.query(`ALTER TABLE \`${table}\` ADD FULLTEXT INDEX \`${index}\` (${columns})`);
    }
    await queryRunner.query("DROP TABLE `search_posting`");
  }
}
