import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Full-text search on SQLite: one FTS5 table over sessions, people and articles, kept in step by
 * triggers. Each row's rowid encodes its source (id * 4 + kind: 1 session, 2 person, 3 article) so a
 * trigger replaces exactly one row.
 *
 * NOTE for later migrations: SQLite drops a table's triggers with the table, and TypeORM rebuilds a
 * SQLite table to alter it. A migration that rebuilds session, person or article must recreate that
 * table's triggers (copy them from here); the search tests fail if it does not.
 */
const SOURCES = [
  { table: "session", code: 1, kind: "Session", title: "title", body: "abstract", watch: "title, abstract" },
  { table: "person", code: 2, kind: "Person", title: "name", body: "bio", watch: "name, bio" },
  {
    table: "article",
    code: 3,
    kind: "Article",
    title: "title",
    body: "excerpt || ' ' || {row}.body",
    watch: "title, excerpt, body",
  },
];

export class SearchIndexes1795522200000 implements MigrationInterface {
  name = "SearchIndexes1795522200000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE VIRTUAL TABLE search_index USING fts5(kind UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')",
    );
    for (const s of SOURCES) {
      const body = (row: string) => `${row}.${s.body.replace("{row}", row)}`;
      await queryRunner.query(
        `INSERT INTO search_index(rowid, kind, title, body) SELECT t.id * 4 + ${s.code}, '${s.kind}', t.${s.title}, ${body("t")} FROM ${s.table} t`,
      );
      const insert = `INSERT INTO search_index(rowid, kind, title, body) VALUES (new.id * 4 + ${s.code}, '${s.kind}', new.${s.title}, ${body("new")});`;
      const remove = `DELETE FROM search_index WHERE rowid = old.id * 4 + ${s.code};`;
      await queryRunner.query(`CREATE TRIGGER trg_${s.table}_search_ai AFTER INSERT ON ${s.table} BEGIN ${insert} END`);
      await queryRunner.query(
        `CREATE TRIGGER trg_${s.table}_search_au AFTER UPDATE OF ${s.watch} ON ${s.table} BEGIN ${remove} ${insert} END`,
      );
      await queryRunner.query(`CREATE TRIGGER trg_${s.table}_search_ad AFTER DELETE ON ${s.table} BEGIN ${remove} END`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const s of SOURCES) {
      for (const suffix of ["ai", "au", "ad"]) {
        await queryRunner.query(`DROP TRIGGER IF EXISTS trg_${s.table}_search_${suffix}`);
      }
    }
    await queryRunner.query("DROP TABLE IF EXISTS search_index");
  }
}
