import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Translations of session and article text, one row per subject, field and locale. Search covers
 * them through an FTS5 table of their own (rowid = translation id), kept in step by triggers.
 */
export class Translations1796400000001 implements MigrationInterface {
  name = "Translations1796400000001";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "translation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "subject_type" varchar(16) NOT NULL, "subject_id" integer NOT NULL, "field" varchar(16) NOT NULL, "locale" varchar(35) NOT NULL, "text" text NOT NULL, "updated_at" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_translation" ON "translation" ("subject_type", "subject_id", "field", "locale") `,
    );
    await createTranslationSearch(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const suffix of ["ai", "au", "ad"]) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS trg_translation_search_${suffix}`);
    }
    await queryRunner.query("DROP TABLE IF EXISTS translation_search");
    await queryRunner.query(`DROP INDEX "uq_translation"`);
    await queryRunner.query(`DROP TABLE "translation"`);
  }
}

/**
 * The FTS5 table over translations and the triggers that feed it, filled from the existing rows
 * (none when this migration runs; all of them when SearchPostings is reverted).
 */
export async function createTranslationSearch(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(
    "CREATE VIRTUAL TABLE translation_search USING fts5(kind UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2')",
  );
  await queryRunner.query(
    "INSERT INTO translation_search(rowid, kind, body) SELECT id, subject_type, text FROM translation",
  );
  const insert =
    "INSERT INTO translation_search(rowid, kind, body) VALUES (new.id, new.subject_type, new.text);";
  const remove = "DELETE FROM translation_search WHERE rowid = old.id;";
  await queryRunner.query(`CREATE TRIGGER trg_translation_search_ai AFTER INSERT ON translation BEGIN ${insert} END`);
  await queryRunner.query(
    `CREATE TRIGGER trg_translation_search_au AFTER UPDATE OF text ON translation BEGIN ${remove} ${insert} END`,
  );
  await queryRunner.query(`CREATE TRIGGER trg_translation_search_ad AFTER DELETE ON translation BEGIN ${remove} END`);
}
