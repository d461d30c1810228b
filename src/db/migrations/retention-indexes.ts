/**
 * The indexes pruning reads by (src/services/retention.ts): each batch is a range of one. The same
 * on both engines; each engine's Retention migration writes them in its own SQL.
 */
export const RETENTION_INDEXES = [
  ["outbox_event", "ix_outbox_event_created", ["created_at"]],
  ["webhook_delivery", "ix_webhook_delivery_finished", ["status", "last_attempt_at"]],
  ["webhook_delivery", "ix_webhook_delivery_outbox", ["outbox_id"]],
  ["mutation_receipt", "ix_mutation_receipt_created", ["created_at"]],
  ["account_session", "ix_account_session_expires", ["expires_at"]],
] as const;
