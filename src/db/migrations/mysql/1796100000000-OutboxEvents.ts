import type { MigrationInterface, QueryRunner } from "typeorm";

export class OutboxEvents1796100000000 implements MigrationInterface {
  name = "OutboxEvents1796100000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`outbox_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`event_id\` varchar(36) NOT NULL, \`type\` varchar(40) NOT NULL, \`conference_ids\` text NOT NULL, \`payload\` text NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_outbox_event_event_id\` (\`event_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`uq_outbox_event_event_id\` ON \`outbox_event\``);
    await queryRunner.query(`DROP TABLE \`outbox_event\``);
  }
}
