import type { MigrationInterface, QueryRunner } from "typeorm";

export class Webhooks1796200000001 implements MigrationInterface {
  name = "Webhooks1796200000001";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`webhook_endpoint\` (\`id\` int NOT NULL AUTO_INCREMENT, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`version\` int NOT NULL DEFAULT '1', \`url\` varchar(2000) NOT NULL, \`events\` text NOT NULL, \`conference_ids\` text NULL, \`secret\` varchar(100) NOT NULL, \`status\` varchar(16) NOT NULL DEFAULT 'ACTIVE', \`failing\` tinyint NOT NULL DEFAULT 0, \`consecutive_failures\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`webhook_delivery\` (\`id\` int NOT NULL AUTO_INCREMENT, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`version\` int NOT NULL DEFAULT '1', \`endpoint_id\` int NOT NULL, \`outbox_id\` int NOT NULL, \`event_id\` varchar(36) NOT NULL, \`event_type\` varchar(40) NOT NULL, \`status\` varchar(16) NOT NULL, \`attempts\` int NOT NULL DEFAULT '0', \`next_attempt_at\` datetime(3) NULL, \`lease_until\` datetime(3) NULL, \`lease_owner\` varchar(64) NULL, \`response_status\` int NULL, \`last_error\` varchar(500) NULL, \`last_attempt_at\` datetime(3) NULL, \`delivered_at\` datetime(3) NULL, INDEX \`ix_webhook_delivery_endpoint\` (\`endpoint_id\`, \`id\`), INDEX \`ix_webhook_delivery_due\` (\`status\`, \`next_attempt_at\`), UNIQUE INDEX \`uq_webhook_delivery_event\` (\`endpoint_id\`, \`outbox_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`webhook_fanout\` (\`outbox_id\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (\`outbox_id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`webhook_delivery\` ADD CONSTRAINT \`fk_webhook_delivery_endpoint\` FOREIGN KEY (\`endpoint_id\`) REFERENCES \`webhook_endpoint\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`webhook_delivery\` DROP FOREIGN KEY \`fk_webhook_delivery_endpoint\``);
    await queryRunner.query(`DROP TABLE \`webhook_fanout\``);
    await queryRunner.query(`DROP INDEX \`uq_webhook_delivery_event\` ON \`webhook_delivery\``);
    await queryRunner.query(`DROP INDEX \`ix_webhook_delivery_due\` ON \`webhook_delivery\``);
    await queryRunner.query(`DROP INDEX \`ix_webhook_delivery_endpoint\` ON \`webhook_delivery\``);
    await queryRunner.query(`DROP TABLE \`webhook_delivery\``);
    await queryRunner.query(`DROP TABLE \`webhook_endpoint\``);
  }
}
