import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Full-text search on MySQL/MariaDB: InnoDB FULLTEXT indexes, queried with MATCH … AGAINST by
 * src/services/search.service.ts. Written by hand (TypeORM does not manage them: the entities declare
 * these indexes with `synchronize: false`).
 */
export class SearchIndexes1795522200000 implements MigrationInterface {
  name = "SearchIndexes1795522200000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `session` ADD FULLTEXT INDEX `ft_session_text` (`title`, `abstract`)");
    await queryRunner.query("ALTER TABLE `person` ADD FULLTEXT INDEX `ft_person_text` (`name`, `bio`)");
    await queryRunner.query(
      "ALTER TABLE `article` ADD FULLTEXT INDEX `ft_article_text` (`title`, `excerpt`, `body`)",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `article` DROP INDEX `ft_article_text`");
    await queryRunner.query("ALTER TABLE `person` DROP INDEX `ft_person_text`");
    await queryRunner.query("ALTER TABLE `session` DROP INDEX `ft_session_text`");
  }
}
