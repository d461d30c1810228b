import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Translations of session and article text, one row per subject, field and locale, with a FULLTEXT
 * index that search queries beside the originals' (see src/services/search.service.ts).
 */
export class Translations1796400000001 implements MigrationInterface {
  name = "Translations1796400000001";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE `translation` (`id` int NOT NULL AUTO_INCREMENT, `subject_type` varchar(16) NOT NULL, `subject_id` int NOT NULL, `field` varchar(16) NOT NULL, `locale` varchar(35) NOT NULL, `text` text NOT NULL, `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_translation` (`subject_type`, `subject_id`, `field`, `locale`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query("ALTER TABLE `translation` ADD FULLTEXT INDEX `ft_translation_text` (`text`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `translation`");
  }
}
