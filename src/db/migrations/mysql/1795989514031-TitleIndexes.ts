import type { MigrationInterface, QueryRunner } from "typeorm";

/** The public articles by title read in index order: (status, title, id). */
export class TitleIndexes1795989514031 implements MigrationInterface {
  name = "TitleIndexes1795989514031";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX \`ix_article_title\` ON \`article\` (\`status\`, \`title\`, \`id\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_article_title\` ON \`article\``);
  }
}
