import type { MigrationInterface, QueryRunner } from "typeorm";
import { AGENDA_RETENTION_INDEXES, createIndexes, dropIndexes } from "../retention-indexes";

/** The index pruning finds old empty agendas by (src/services/retention.ts). */
export class AgendaRetention1797200000000 implements MigrationInterface {
  name = "AgendaRetention1797200000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await createIndexes(queryRunner, "sqlite", AGENDA_RETENTION_INDEXES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropIndexes(queryRunner, "sqlite", AGENDA_RETENTION_INDEXES);
  }
}
