import type { MigrationInterface, QueryRunner } from "typeorm";

export class ScheduleChanges1796100000001 implements MigrationInterface {
  name = "ScheduleChanges1796100000001";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`schedule_change\` (\`id\` int NOT NULL AUTO_INCREMENT, \`conference_id\` int NOT NULL, \`schedule_version\` int NOT NULL, \`subject_id\` varchar(100) NOT NULL, \`kind\` varchar(16) NOT NULL, \`fields\` text NOT NULL, \`changed_at\` datetime NOT NULL, UNIQUE INDEX \`uq_schedule_change_version\` (\`conference_id\`, \`schedule_version\`), INDEX \`ix_schedule_change_time\` (\`conference_id\`, \`changed_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`conference\` ADD \`schedule_version\` int NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`session\` ADD \`status\` varchar(16) NOT NULL DEFAULT 'SCHEDULED'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`session\` DROP COLUMN \`status\``);
    await queryRunner.query(`ALTER TABLE \`conference\` DROP COLUMN \`schedule_version\``);
    await queryRunner.query(`DROP INDEX \`ix_schedule_change_time\` ON \`schedule_change\``);
    await queryRunner.query(`DROP INDEX \`uq_schedule_change_version\` ON \`schedule_change\``);
    await queryRunner.query(`DROP TABLE \`schedule_change\``);
  }
}
