import type { MigrationInterface, QueryRunner } from "typeorm";

export class Webhooks1796200000001 implements MigrationInterface {
  name = "Webhooks1796200000001";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "webhook_endpoint" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "url" varchar(2000) NOT NULL, "events" text NOT NULL, "conference_ids" text, "secret" varchar(100) NOT NULL, "status" varchar(16) NOT NULL DEFAULT ('ACTIVE'), "failing" boolean NOT NULL DEFAULT (0), "consecutive_failures" integer NOT NULL DEFAULT (0))`);
    await queryRunner.query(`CREATE TABLE "webhook_delivery" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "endpoint_id" integer NOT NULL, "outbox_id" integer NOT NULL, "event_id" varchar(36) NOT NULL, "event_type" varchar(40) NOT NULL, "status" varchar(16) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "next_attempt_at" datetime(3), "lease_until" datetime(3), "lease_owner" varchar(64), "response_status" integer, "last_error" varchar(500), "last_attempt_at" datetime(3), "delivered_at" datetime(3), CONSTRAINT "fk_webhook_delivery_endpoint" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoint" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`CREATE INDEX "ix_webhook_delivery_endpoint" ON "webhook_delivery" ("endpoint_id", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_webhook_delivery_due" ON "webhook_delivery" ("status", "next_attempt_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_webhook_delivery_event" ON "webhook_delivery" ("endpoint_id", "outbox_id") `);
    await queryRunner.query(`CREATE TABLE "webhook_fanout" ("outbox_id" integer PRIMARY KEY NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "webhook_fanout"`);
    await queryRunner.query(`DROP INDEX "uq_webhook_delivery_event"`);
    await queryRunner.query(`DROP INDEX "ix_webhook_delivery_due"`);
    await queryRunner.query(`DROP INDEX "ix_webhook_delivery_endpoint"`);
    await queryRunner.query(`DROP TABLE "webhook_delivery"`);
    await queryRunner.query(`DROP TABLE "webhook_endpoint"`);
  }
}
