import type { QueryRunner } from "typeorm";

/** Indexes as `[table, index, columns]`, created and dropped alike on both engines. */
type IndexList = readonly (readonly [string, string, readonly string[]])[];

/**
 * The indexes pruning reads by (src/services/retention.ts): each batch is a range of one. The same
 * on both engines; each engine's Retention migration writes them in its own SQL.
 */
export const RETENTION_INDEXES: IndexList = [
  ["outbox_event", "ix_outbox_event_created", ["created_at"]],
  ["webhook_delivery", "ix_webhook_delivery_finished", ["status", "last_attempt_at"]],
  ["webhook_delivery", "ix_webhook_delivery_outbox", ["outbox_id"]],
  ["mutation_receipt", "ix_mutation_receipt_created", ["created_at"]],
  ["account_session", "ix_account_session_expires", ["expires_at"]],
];

/** The index pruning reads empty agendas by (migration AgendaRetention). */
export const AGENDA_RETENTION_INDEXES: IndexList = [["agenda", "ix_agenda_created", ["created_at"]]];

/** Creates `indexes`, quoting names as the engine does. */
export async function createIndexes(
  queryRunner: QueryRunner,
  engine: "mysql" | "sqlite",
  indexes: IndexList,
): Promise<void> {
  const q = (name: string) => (engine === "mysql" ? `\`${name}\`` : `"${name}"`);
  for (const [table, index, columns] of indexes) {
    await queryRunner.query(
      `CREATE INDEX ${q(index)} ON ${q(table)} (${columns.map(q).join(", ")})`,
    );
  }
}

/** Drops `indexes` (a migration's `down`). */
export async function dropIndexes(
  queryRunner: QueryRunner,
  engine: "mysql" | "sqlite",
  indexes: IndexList,
): Promise<void> {
  for (const [table, index] of indexes) {
    await queryRunner.query(
      engine === "mysql" ? `DROP INDEX \`${index}\` ON \`${table}\`` : `DROP INDEX "${index}"`,
    );
  }
}
