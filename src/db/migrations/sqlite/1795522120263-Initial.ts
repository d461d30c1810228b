import type { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795522120263 implements MigrationInterface {
  name = "Initial1795522120263";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "community" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "slug" varchar(100) NOT NULL, "name" varchar(200) NOT NULL, "description" text NOT NULL, "parent_id" integer)`,
    );
    await queryRunner.query(`CREATE INDEX "ix_community_parent" ON "community" ("parent_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_community_slug" ON "community" ("slug") `);
    await queryRunner.query(
      `CREATE TABLE "publication" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "slug" varchar(100) NOT NULL, "name" varchar(200) NOT NULL, "description" text NOT NULL, "community_id" integer NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_publication_community" ON "publication" ("community_id") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_publication_slug" ON "publication" ("slug") `);
    await queryRunner.query(
      `CREATE TABLE "article" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "slug" varchar(150) NOT NULL, "title" varchar(300) NOT NULL, "kind" varchar(16) NOT NULL, "excerpt" text NOT NULL, "body" text NOT NULL, "status" varchar(16) NOT NULL DEFAULT ('DRAFT'), "published_at" datetime, "publication_id" integer NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_article_publication" ON "article" ("publication_id", "published_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_article_published" ON "article" ("status", "published_at", "id") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_article_slug" ON "article" ("slug") `);
    await queryRunner.query(
      `CREATE TABLE "comment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "article_id" integer NOT NULL, "author_name" varchar(100) NOT NULL, "email" varchar(254), "body" text NOT NULL, "status" varchar(16) NOT NULL DEFAULT ('PENDING'))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_comment_article" ON "comment" ("article_id", "status", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "conference" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "slug" varchar(100) NOT NULL, "name" varchar(200) NOT NULL, "edition" integer NOT NULL, "community_id" integer NOT NULL, "organizer" varchar(200) NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "timezone" varchar(64) NOT NULL, "venue_name" varchar(200) NOT NULL, "venue_city" varchar(100) NOT NULL, "venue_country" varchar(2) NOT NULL, "attendance" integer, "description" text NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_conference_starts_on" ON "conference" ("starts_on", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_conference_community" ON "conference" ("community_id") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_conference_slug" ON "conference" ("slug") `);
    await queryRunner.query(
      `CREATE TABLE "person" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "slug" varchar(100) NOT NULL, "name" varchar(200) NOT NULL, "bio" text NOT NULL, "affiliation" varchar(200), "links" text NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "ix_person_name" ON "person" ("name", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_person_slug" ON "person" ("slug") `);
    await queryRunner.query(
      `CREATE TABLE "session" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "slug" varchar(150) NOT NULL, "title" varchar(300) NOT NULL, "abstract" text NOT NULL, "kind" varchar(16) NOT NULL, "level" varchar(16) NOT NULL DEFAULT ('ALL'), "starts_at" datetime NOT NULL, "ends_at" datetime NOT NULL, "room" varchar(100), "location" varchar(300), "host_conference_id" integer NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_session_starts_at" ON "session" ("starts_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_session_host" ON "session" ("host_conference_id", "starts_at") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_session_slug" ON "session" ("slug") `);
    await queryRunner.query(
      `CREATE TABLE "topic" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "slug" varchar(100) NOT NULL, "name" varchar(200) NOT NULL)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_topic_slug" ON "topic" ("slug") `);
    await queryRunner.query(
      `CREATE TABLE "conference_colocation" ("conference_id" integer NOT NULL, "colocated_id" integer NOT NULL, PRIMARY KEY ("conference_id", "colocated_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_conference_colocation_reverse" ON "conference_colocation" ("colocated_id", "conference_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "session_program" ("session_id" integer NOT NULL, "conference_id" integer NOT NULL, "starts_at" datetime NOT NULL, PRIMARY KEY ("session_id", "conference_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_session_program_conference_start" ON "session_program" ("conference_id", "starts_at", "session_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "session_audience" ("session_id" integer NOT NULL, "community_id" integer NOT NULL, PRIMARY KEY ("session_id", "community_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_session_audience_community" ON "session_audience" ("community_id", "session_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "session_speaker" ("session_id" integer NOT NULL, "person_id" integer NOT NULL, "position" integer NOT NULL, PRIMARY KEY ("session_id", "person_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_session_speaker_person" ON "session_speaker" ("person_id", "session_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "session_topic" ("session_id" integer NOT NULL, "topic_id" integer NOT NULL, PRIMARY KEY ("session_id", "topic_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_session_topic_topic" ON "session_topic" ("topic_id", "session_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "article_author" ("article_id" integer NOT NULL, "person_id" integer NOT NULL, "position" integer NOT NULL, PRIMARY KEY ("article_id", "person_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_article_author_person" ON "article_author" ("person_id", "article_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "article_topic" ("article_id" integer NOT NULL, "topic_id" integer NOT NULL, PRIMARY KEY ("article_id", "topic_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_article_topic_topic" ON "article_topic" ("topic_id", "article_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "article_conference" ("article_id" integer NOT NULL, "conference_id" integer NOT NULL, PRIMARY KEY ("article_id", "conference_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_article_conference_conference" ON "article_conference" ("conference_id", "article_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "article_session" ("article_id" integer NOT NULL, "session_id" integer NOT NULL, PRIMARY KEY ("article_id", "session_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_article_session_session" ON "article_session" ("session_id", "article_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "article_person" ("article_id" integer NOT NULL, "person_id" integer NOT NULL, PRIMARY KEY ("article_id", "person_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_article_person_person" ON "article_person" ("person_id", "article_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "article_community" ("article_id" integer NOT NULL, "community_id" integer NOT NULL, PRIMARY KEY ("article_id", "community_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_article_community_community" ON "article_community" ("community_id", "article_id") `,
    );
    await queryRunner.query(`DROP INDEX "ix_community_parent"`);
    await queryRunner.query(`DROP INDEX "uq_community_slug"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_community" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "slug" varchar(100) NOT NULL, "name" varchar(200) NOT NULL, "description" text NOT NULL, "parent_id" integer, CONSTRAINT "fk_community_parent" FOREIGN KEY ("parent_id") REFERENCES "community" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_community"("id", "created_at", "updated_at", "version", "slug", "name", "description", "parent_id") SELECT "id", "created_at", "updated_at", "version", "slug", "name", "description", "parent_id" FROM "community"`,
    );
    await queryRunner.query(`DROP TABLE "community"`);
    await queryRunner.query(`ALTER TABLE "temporary_community" RENAME TO "community"`);
    await queryRunner.query(`CREATE INDEX "ix_community_parent" ON "community" ("parent_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_community_slug" ON "community" ("slug") `);
    await queryRunner.query(`DROP INDEX "ix_publication_community"`);
    await queryRunner.query(`DROP INDEX "uq_publication_slug"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_publication" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "slug" varchar(100) NOT NULL, "name" varchar(200) NOT NULL, "description" text NOT NULL, "community_id" integer NOT NULL, CONSTRAINT "fk_publication_community" FOREIGN KEY ("community_id") REFERENCES "community" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_publication"("id", "created_at", "updated_at", "version", "slug", "name", "description", "community_id") SELECT "id", "created_at", "updated_at", "version", "slug", "name", "description", "community_id" FROM "publication"`,
    );
    await queryRunner.query(`DROP TABLE "publication"`);
    await queryRunner.query(`ALTER TABLE "temporary_publication" RENAME TO "publication"`);
    await queryRunner.query(
      `CREATE INDEX "ix_publication_community" ON "publication" ("community_id") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_publication_slug" ON "publication" ("slug") `);
    await queryRunner.query(`DROP INDEX "ix_article_publication"`);
    await queryRunner.query(`DROP INDEX "ix_article_published"`);
    await queryRunner.query(`DROP INDEX "uq_article_slug"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_article" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "slug" varchar(150) NOT NULL, "title" varchar(300) NOT NULL, "kind" varchar(16) NOT NULL, "excerpt" text NOT NULL, "body" text NOT NULL, "status" varchar(16) NOT NULL DEFAULT ('DRAFT'), "published_at" datetime, "publication_id" integer NOT NULL, CONSTRAINT "fk_article_publication" FOREIGN KEY ("publication_id") REFERENCES "publication" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_article"("id", "created_at", "updated_at", "version", "slug", "title", "kind", "excerpt", "body", "status", "published_at", "publication_id") SELECT "id", "created_at", "updated_at", "version", "slug", "title", "kind", "excerpt", "body", "status", "published_at", "publication_id" FROM "article"`,
    );
    await queryRunner.query(`DROP TABLE "article"`);
    await queryRunner.query(`ALTER TABLE "temporary_article" RENAME TO "article"`);
    await queryRunner.query(
      `CREATE INDEX "ix_article_publication" ON "article" ("publication_id", "published_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_article_published" ON "article" ("status", "published_at", "id") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_article_slug" ON "article" ("slug") `);
    await queryRunner.query(`DROP INDEX "ix_comment_article"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_comment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "article_id" integer NOT NULL, "author_name" varchar(100) NOT NULL, "email" varchar(254), "body" text NOT NULL, "status" varchar(16) NOT NULL DEFAULT ('PENDING'), CONSTRAINT "fk_comment_article" FOREIGN KEY ("article_id") REFERENCES "article" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_comment"("id", "created_at", "updated_at", "version", "article_id", "author_name", "email", "body", "status") SELECT "id", "created_at", "updated_at", "version", "article_id", "author_name", "email", "body", "status" FROM "comment"`,
    );
    await queryRunner.query(`DROP TABLE "comment"`);
    await queryRunner.query(`ALTER TABLE "temporary_comment" RENAME TO "comment"`);
    await queryRunner.query(
      `CREATE INDEX "ix_comment_article" ON "comment" ("article_id", "status", "created_at", "id") `,
    );
    await queryRunner.query(`DROP INDEX "ix_conference_starts_on"`);
    await queryRunner.query(`DROP INDEX "ix_conference_community"`);
    await queryRunner.query(`DROP INDEX "uq_conference_slug"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_conference" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "slug" varchar(100) NOT NULL, "name" varchar(200) NOT NULL, "edition" integer NOT NULL, "community_id" integer NOT NULL, "organizer" varchar(200) NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "timezone" varchar(64) NOT NULL, "venue_name" varchar(200) NOT NULL, "venue_city" varchar(100) NOT NULL, "venue_country" varchar(2) NOT NULL, "attendance" integer, "description" text NOT NULL, CONSTRAINT "fk_conference_community" FOREIGN KEY ("community_id") REFERENCES "community" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_conference"("id", "created_at", "updated_at", "version", "slug", "name", "edition", "community_id", "organizer", "starts_on", "ends_on", "timezone", "venue_name", "venue_city", "venue_country", "attendance", "description") SELECT "id", "created_at", "updated_at", "version", "slug", "name", "edition", "community_id", "organizer", "starts_on", "ends_on", "timezone", "venue_name", "venue_city", "venue_country", "attendance", "description" FROM "conference"`,
    );
    await queryRunner.query(`DROP TABLE "conference"`);
    await queryRunner.query(`ALTER TABLE "temporary_conference" RENAME TO "conference"`);
    await queryRunner.query(
      `CREATE INDEX "ix_conference_starts_on" ON "conference" ("starts_on", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_conference_community" ON "conference" ("community_id") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_conference_slug" ON "conference" ("slug") `);
    await queryRunner.query(`DROP INDEX "ix_session_starts_at"`);
    await queryRunner.query(`DROP INDEX "ix_session_host"`);
    await queryRunner.query(`DROP INDEX "uq_session_slug"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_session" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "slug" varchar(150) NOT NULL, "title" varchar(300) NOT NULL, "abstract" text NOT NULL, "kind" varchar(16) NOT NULL, "level" varchar(16) NOT NULL DEFAULT ('ALL'), "starts_at" datetime NOT NULL, "ends_at" datetime NOT NULL, "room" varchar(100), "location" varchar(300), "host_conference_id" integer NOT NULL, CONSTRAINT "fk_session_host_conference" FOREIGN KEY ("host_conference_id") REFERENCES "conference" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_session"("id", "created_at", "updated_at", "version", "slug", "title", "abstract", "kind", "level", "starts_at", "ends_at", "room", "location", "host_conference_id") SELECT "id", "created_at", "updated_at", "version", "slug", "title", "abstract", "kind", "level", "starts_at", "ends_at", "room", "location", "host_conference_id" FROM "session"`,
    );
    await queryRunner.query(`DROP TABLE "session"`);
    await queryRunner.query(`ALTER TABLE "temporary_session" RENAME TO "session"`);
    await queryRunner.query(
      `CREATE INDEX "ix_session_starts_at" ON "session" ("starts_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_session_host" ON "session" ("host_conference_id", "starts_at") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_session_slug" ON "session" ("slug") `);
    await queryRunner.query(`DROP INDEX "ix_conference_colocation_reverse"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_conference_colocation" ("conference_id" integer NOT NULL, "colocated_id" integer NOT NULL, CONSTRAINT "fk_colocation_conference" FOREIGN KEY ("conference_id") REFERENCES "conference" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "fk_colocation_colocated" FOREIGN KEY ("colocated_id") REFERENCES "conference" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("conference_id", "colocated_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_conference_colocation"("conference_id", "colocated_id") SELECT "conference_id", "colocated_id" FROM "conference_colocation"`,
    );
    await queryRunner.query(`DROP TABLE "conference_colocation"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_conference_colocation" RENAME TO "conference_colocation"`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_conference_colocation_reverse" ON "conference_colocation" ("colocated_id", "conference_id") `,
    );
    await queryRunner.query(`DROP INDEX "ix_session_program_conference_start"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_session_program" ("session_id" integer NOT NULL, "conference_id" integer NOT NULL, "starts_at" datetime NOT NULL, CONSTRAINT "fk_session_program_session" FOREIGN KEY ("session_id") REFERENCES "session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "fk_session_program_conference" FOREIGN KEY ("conference_id") REFERENCES "conference" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("session_id", "conference_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_session_program"("session_id", "conference_id", "starts_at") SELECT "session_id", "conference_id", "starts_at" FROM "session_program"`,
    );
    await queryRunner.query(`DROP TABLE "session_program"`);
    await queryRunner.query(`ALTER TABLE "temporary_session_program" RENAME TO "session_program"`);
    await queryRunner.query(
      `CREATE INDEX "ix_session_program_conference_start" ON "session_program" ("conference_id", "starts_at", "session_id") `,
    );
    await queryRunner.query(`DROP INDEX "ix_session_audience_community"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_session_audience" ("session_id" integer NOT NULL, "community_id" integer NOT NULL, CONSTRAINT "fk_session_audience_session" FOREIGN KEY ("session_id") REFERENCES "session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "fk_session_audience_community" FOREIGN KEY ("community_id") REFERENCES "community" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("session_id", "community_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_session_audience"("session_id", "community_id") SELECT "session_id", "community_id" FROM "session_audience"`,
    );
    await queryRunner.query(`DROP TABLE "session_audience"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_session_audience" RENAME TO "session_audience"`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_session_audience_community" ON "session_audience" ("community_id", "session_id") `,
    );
    await queryRunner.query(`DROP INDEX "ix_session_speaker_person"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_session_speaker" ("session_id" integer NOT NULL, "person_id" integer NOT NULL, "position" integer NOT NULL, CONSTRAINT "fk_session_speaker_session" FOREIGN KEY ("session_id") REFERENCES "session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "fk_session_speaker_person" FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("session_id", "person_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_session_speaker"("session_id", "person_id", "position") SELECT "session_id", "person_id", "position" FROM "session_speaker"`,
    );
    await queryRunner.query(`DROP TABLE "session_speaker"`);
    await queryRunner.query(`ALTER TABLE "temporary_session_speaker" RENAME TO "session_speaker"`);
    await queryRunner.query(
      `CREATE INDEX "ix_session_speaker_person" ON "session_speaker" ("person_id", "session_id") `,
    );
    await queryRunner.query(`DROP INDEX "ix_session_topic_topic"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_session_topic" ("session_id" integer NOT NULL, "topic_id" integer NOT NULL, CONSTRAINT "fk_session_topic_session" FOREIGN KEY ("session_id") REFERENCES "session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "fk_session_topic_topic" FOREIGN KEY ("topic_id") REFERENCES "topic" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("session_id", "topic_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_session_topic"("session_id", "topic_id") SELECT "session_id", "topic_id" FROM "session_topic"`,
    );
    await queryRunner.query(`DROP TABLE "session_topic"`);
    await queryRunner.query(`ALTER TABLE "temporary_session_topic" RENAME TO "session_topic"`);
    await queryRunner.query(
      `CREATE INDEX "ix_session_topic_topic" ON "session_topic" ("topic_id", "session_id") `,
    );
    await queryRunner.query(`DROP INDEX "ix_article_author_person"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_article_author" ("article_id" integer NOT NULL, "person_id" integer NOT NULL, "position" integer NOT NULL, CONSTRAINT "fk_article_author_article" FOREIGN KEY ("article_id") REFERENCES "article" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "fk_article_author_person" FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("article_id", "person_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_article_author"("article_id", "person_id", "position") SELECT "article_id", "person_id", "position" FROM "article_author"`,
    );
    await queryRunner.query(`DROP TABLE "article_author"`);
    await queryRunner.query(`ALTER TABLE "temporary_article_author" RENAME TO "article_author"`);
    await queryRunner.query(
      `CREATE INDEX "ix_article_author_person" ON "article_author" ("person_id", "article_id") `,
    );
    await queryRunner.query(`DROP INDEX "ix_article_topic_topic"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_article_topic" ("article_id" integer NOT NULL, "topic_id" integer NOT NULL, CONSTRAINT "fk_article_topic_article" FOREIGN KEY ("article_id") REFERENCES "article" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "fk_article_topic_topic" FOREIGN KEY ("topic_id") REFERENCES "topic" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("article_id", "topic_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_article_topic"("article_id", "topic_id") SELECT "article_id", "topic_id" FROM "article_topic"`,
    );
    await queryRunner.query(`DROP TABLE "article_topic"`);
    await queryRunner.query(`ALTER TABLE "temporary_article_topic" RENAME TO "article_topic"`);
    await queryRunner.query(
      `CREATE INDEX "ix_article_topic_topic" ON "article_topic" ("topic_id", "article_id") `,
    );
    await queryRunner.query(`DROP INDEX "ix_article_conference_conference"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_article_conference" ("article_id" integer NOT NULL, "conference_id" integer NOT NULL, CONSTRAINT "fk_article_conference_article" FOREIGN KEY ("article_id") REFERENCES "article" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "fk_article_conference_conference" FOREIGN KEY ("conference_id") REFERENCES "conference" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("article_id", "conference_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_article_conference"("article_id", "conference_id") SELECT "article_id", "conference_id" FROM "article_conference"`,
    );
    await queryRunner.query(`DROP TABLE "article_conference"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_article_conference" RENAME TO "article_conference"`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_article_conference_conference" ON "article_conference" ("conference_id", "article_id") `,
    );
    await queryRunner.query(`DROP INDEX "ix_article_session_session"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_article_session" ("article_id" integer NOT NULL, "session_id" integer NOT NULL, CONSTRAINT "fk_article_session_article" FOREIGN KEY ("article_id") REFERENCES "article" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "fk_article_session_session" FOREIGN KEY ("session_id") REFERENCES "session" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("article_id", "session_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_article_session"("article_id", "session_id") SELECT "article_id", "session_id" FROM "article_session"`,
    );
    await queryRunner.query(`DROP TABLE "article_session"`);
    await queryRunner.query(`ALTER TABLE "temporary_article_session" RENAME TO "article_session"`);
    await queryRunner.query(
      `CREATE INDEX "ix_article_session_session" ON "article_session" ("session_id", "article_id") `,
    );
    await queryRunner.query(`DROP INDEX "ix_article_person_person"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_article_person" ("article_id" integer NOT NULL, "person_id" integer NOT NULL, CONSTRAINT "fk_article_person_article" FOREIGN KEY ("article_id") REFERENCES "article" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "fk_article_person_person" FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("article_id", "person_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_article_person"("article_id", "person_id") SELECT "article_id", "person_id" FROM "article_person"`,
    );
    await queryRunner.query(`DROP TABLE "article_person"`);
    await queryRunner.query(`ALTER TABLE "temporary_article_person" RENAME TO "article_person"`);
    await queryRunner.query(
      `CREATE INDEX "ix_article_person_person" ON "article_person" ("person_id", "article_id") `,
    );
    await queryRunner.query(`DROP INDEX "ix_article_community_community"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_article_community" ("article_id" integer NOT NULL, "community_id" integer NOT NULL, CONSTRAINT "fk_article_community_article" FOREIGN KEY ("article_id") REFERENCES "article" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "fk_article_community_community" FOREIGN KEY ("community_id") REFERENCES "community" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("article_id", "community_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_article_community"("article_id", "community_id") SELECT "article_id", "community_id" FROM "article_community"`,
    );
    await queryRunner.query(`DROP TABLE "article_community"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_article_community" RENAME TO "article_community"`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_article_community_community" ON "article_community" ("community_id", "article_id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_article_community_community"`);
    await queryRunner.query(
      `ALTER TABLE "article_community" RENAME TO "temporary_article_community"`,
    );
    await queryRunner.query(
      `CREATE TABLE "article_community" ("article_id" integer NOT NULL, "community_id" integer NOT NULL, PRIMARY KEY ("article_id", "community_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "article_community"("article_id", "community_id") SELECT "article_id", "community_id" FROM "temporary_article_community"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_article_community"`);
    await queryRunner.query(
      `CREATE INDEX "ix_article_community_community" ON "article_community" ("community_id", "article_id") `,
    );
    await queryRunner.query(`DROP INDEX "ix_article_person_person"`);
    await queryRunner.query(`ALTER TABLE "article_person" RENAME TO "temporary_article_person"`);
    await queryRunner.query(
      `CREATE TABLE "article_person" ("article_id" integer NOT NULL, "person_id" integer NOT NULL, PRIMARY KEY ("article_id", "person_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "article_person"("article_id", "person_id") SELECT "article_id", "person_id" FROM "temporary_article_person"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_article_person"`);
    await queryRunner.query(
      `CREATE INDEX "ix_article_person_person" ON "article_person" ("person_id", "article_id") `,
    );
    await queryRunner.query(`DROP INDEX "ix_article_session_session"`);
    await queryRunner.query(`ALTER TABLE "article_session" RENAME TO "temporary_article_session"`);
    await queryRunner.query(
      `CREATE TABLE "article_session" ("article_id" integer NOT NULL, "session_id" integer NOT NULL, PRIMARY KEY ("article_id", "session_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "article_session"("article_id", "session_id") SELECT "article_id", "session_id" FROM "temporary_article_session"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_article_session"`);
    await queryRunner.query(
      `CREATE INDEX "ix_article_session_session" ON "article_session" ("session_id", "article_id") `,
    );
    await queryRunner.query(`DROP INDEX "ix_article_conference_conference"`);
    await queryRunner.query(
      `ALTER TABLE "article_conference" RENAME TO "temporary_article_conference"`,
    );
    await queryRunner.query(
      `CREATE TABLE "article_conference" ("article_id" integer NOT NULL, "conference_id" integer NOT NULL, PRIMARY KEY ("article_id", "conference_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "article_conference"("article_id", "conference_id") SELECT "article_id", "conference_id" FROM "temporary_article_conference"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_article_conference"`);
    await queryRunner.query(
      `CREATE INDEX "ix_article_conference_conference" ON "article_conference" ("conference_id", "article_id") `,
    );
    await queryRunner.query(`DROP INDEX "ix_article_topic_topic"`);
    await queryRunner.query(`ALTER TABLE "article_topic" RENAME TO "temporary_article_topic"`);
    await queryRunner.query(
      `CREATE TABLE "article_topic" ("article_id" integer NOT NULL, "topic_id" integer NOT NULL, PRIMARY KEY ("article_id", "topic_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "article_topic"("article_id", "topic_id") SELECT "article_id", "topic_id" FROM "temporary_article_topic"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_article_topic"`);
    await queryRunner.query(
      `CREATE INDEX "ix_article_topic_topic" ON "article_topic" ("topic_id", "article_id") `,
    );
    await queryRunner.query(`DROP INDEX "ix_article_author_person"`);
    await queryRunner.query(`ALTER TABLE "article_author" RENAME TO "temporary_article_author"`);
    await queryRunner.query(
      `CREATE TABLE "article_author" ("article_id" integer NOT NULL, "person_id" integer NOT NULL, "position" integer NOT NULL, PRIMARY KEY ("article_id", "person_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "article_author"("article_id", "person_id", "position") SELECT "article_id", "person_id", "position" FROM "temporary_article_author"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_article_author"`);
    await queryRunner.query(
      `CREATE INDEX "ix_article_author_person" ON "article_author" ("person_id", "article_id") `,
    );
    await queryRunner.query(`DROP INDEX "ix_session_topic_topic"`);
    await queryRunner.query(`ALTER TABLE "session_topic" RENAME TO "temporary_session_topic"`);
    await queryRunner.query(
      `CREATE TABLE "session_topic" ("session_id" integer NOT NULL, "topic_id" integer NOT NULL, PRIMARY KEY ("session_id", "topic_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "session_topic"("session_id", "topic_id") SELECT "session_id", "topic_id" FROM "temporary_session_topic"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_session_topic"`);
    await queryRunner.query(
      `CREATE INDEX "ix_session_topic_topic" ON "session_topic" ("topic_id", "session_id") `,
    );
    await queryRunner.query(`DROP INDEX "ix_session_speaker_person"`);
    await queryRunner.query(`ALTER TABLE "session_speaker" RENAME TO "temporary_session_speaker"`);
    await queryRunner.query(
      `CREATE TABLE "session_speaker" ("session_id" integer NOT NULL, "person_id" integer NOT NULL, "position" integer NOT NULL, PRIMARY KEY ("session_id", "person_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "session_speaker"("session_id", "person_id", "position") SELECT "session_id", "person_id", "position" FROM "temporary_session_speaker"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_session_speaker"`);
    await queryRunner.query(
      `CREATE INDEX "ix_session_speaker_person" ON "session_speaker" ("person_id", "session_id") `,
    );
    await queryRunner.query(`DROP INDEX "ix_session_audience_community"`);
    await queryRunner.query(
      `ALTER TABLE "session_audience" RENAME TO "temporary_session_audience"`,
    );
    await queryRunner.query(
      `CREATE TABLE "session_audience" ("session_id" integer NOT NULL, "community_id" integer NOT NULL, PRIMARY KEY ("session_id", "community_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "session_audience"("session_id", "community_id") SELECT "session_id", "community_id" FROM "temporary_session_audience"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_session_audience"`);
    await queryRunner.query(
      `CREATE INDEX "ix_session_audience_community" ON "session_audience" ("community_id", "session_id") `,
    );
    await queryRunner.query(`DROP INDEX "ix_session_program_conference_start"`);
    await queryRunner.query(`ALTER TABLE "session_program" RENAME TO "temporary_session_program"`);
    await queryRunner.query(
      `CREATE TABLE "session_program" ("session_id" integer NOT NULL, "conference_id" integer NOT NULL, "starts_at" datetime NOT NULL, PRIMARY KEY ("session_id", "conference_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "session_program"("session_id", "conference_id", "starts_at") SELECT "session_id", "conference_id", "starts_at" FROM "temporary_session_program"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_session_program"`);
    await queryRunner.query(
      `CREATE INDEX "ix_session_program_conference_start" ON "session_program" ("conference_id", "starts_at", "session_id") `,
    );
    await queryRunner.query(`DROP INDEX "ix_conference_colocation_reverse"`);
    await queryRunner.query(
      `ALTER TABLE "conference_colocation" RENAME TO "temporary_conference_colocation"`,
    );
    await queryRunner.query(
      `CREATE TABLE "conference_colocation" ("conference_id" integer NOT NULL, "colocated_id" integer NOT NULL, PRIMARY KEY ("conference_id", "colocated_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "conference_colocation"("conference_id", "colocated_id") SELECT "conference_id", "colocated_id" FROM "temporary_conference_colocation"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_conference_colocation"`);
    await queryRunner.query(
      `CREATE INDEX "ix_conference_colocation_reverse" ON "conference_colocation" ("colocated_id", "conference_id") `,
    );
    await queryRunner.query(`DROP INDEX "uq_session_slug"`);
    await queryRunner.query(`DROP INDEX "ix_session_host"`);
    await queryRunner.query(`DROP INDEX "ix_session_starts_at"`);
    await queryRunner.query(`ALTER TABLE "session" RENAME TO "temporary_session"`);
    await queryRunner.query(
      `CREATE TABLE "session" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "slug" varchar(150) NOT NULL, "title" varchar(300) NOT NULL, "abstract" text NOT NULL, "kind" varchar(16) NOT NULL, "level" varchar(16) NOT NULL DEFAULT ('ALL'), "starts_at" datetime NOT NULL, "ends_at" datetime NOT NULL, "room" varchar(100), "location" varchar(300), "host_conference_id" integer NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "session"("id", "created_at", "updated_at", "version", "slug", "title", "abstract", "kind", "level", "starts_at", "ends_at", "room", "location", "host_conference_id") SELECT "id", "created_at", "updated_at", "version", "slug", "title", "abstract", "kind", "level", "starts_at", "ends_at", "room", "location", "host_conference_id" FROM "temporary_session"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_session"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_session_slug" ON "session" ("slug") `);
    await queryRunner.query(
      `CREATE INDEX "ix_session_host" ON "session" ("host_conference_id", "starts_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_session_starts_at" ON "session" ("starts_at", "id") `,
    );
    await queryRunner.query(`DROP INDEX "uq_conference_slug"`);
    await queryRunner.query(`DROP INDEX "ix_conference_community"`);
    await queryRunner.query(`DROP INDEX "ix_conference_starts_on"`);
    await queryRunner.query(`ALTER TABLE "conference" RENAME TO "temporary_conference"`);
    await queryRunner.query(
      `CREATE TABLE "conference" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "slug" varchar(100) NOT NULL, "name" varchar(200) NOT NULL, "edition" integer NOT NULL, "community_id" integer NOT NULL, "organizer" varchar(200) NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "timezone" varchar(64) NOT NULL, "venue_name" varchar(200) NOT NULL, "venue_city" varchar(100) NOT NULL, "venue_country" varchar(2) NOT NULL, "attendance" integer, "description" text NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "conference"("id", "created_at", "updated_at", "version", "slug", "name", "edition", "community_id", "organizer", "starts_on", "ends_on", "timezone", "venue_name", "venue_city", "venue_country", "attendance", "description") SELECT "id", "created_at", "updated_at", "version", "slug", "name", "edition", "community_id", "organizer", "starts_on", "ends_on", "timezone", "venue_name", "venue_city", "venue_country", "attendance", "description" FROM "temporary_conference"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_conference"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_conference_slug" ON "conference" ("slug") `);
    await queryRunner.query(
      `CREATE INDEX "ix_conference_community" ON "conference" ("community_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_conference_starts_on" ON "conference" ("starts_on", "id") `,
    );
    await queryRunner.query(`DROP INDEX "ix_comment_article"`);
    await queryRunner.query(`ALTER TABLE "comment" RENAME TO "temporary_comment"`);
    await queryRunner.query(
      `CREATE TABLE "comment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "article_id" integer NOT NULL, "author_name" varchar(100) NOT NULL, "email" varchar(254), "body" text NOT NULL, "status" varchar(16) NOT NULL DEFAULT ('PENDING'))`,
    );
    await queryRunner.query(
      `INSERT INTO "comment"("id", "created_at", "updated_at", "version", "article_id", "author_name", "email", "body", "status") SELECT "id", "created_at", "updated_at", "version", "article_id", "author_name", "email", "body", "status" FROM "temporary_comment"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_comment"`);
    await queryRunner.query(
      `CREATE INDEX "ix_comment_article" ON "comment" ("article_id", "status", "created_at", "id") `,
    );
    await queryRunner.query(`DROP INDEX "uq_article_slug"`);
    await queryRunner.query(`DROP INDEX "ix_article_published"`);
    await queryRunner.query(`DROP INDEX "ix_article_publication"`);
    await queryRunner.query(`ALTER TABLE "article" RENAME TO "temporary_article"`);
    await queryRunner.query(
      `CREATE TABLE "article" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "slug" varchar(150) NOT NULL, "title" varchar(300) NOT NULL, "kind" varchar(16) NOT NULL, "excerpt" text NOT NULL, "body" text NOT NULL, "status" varchar(16) NOT NULL DEFAULT ('DRAFT'), "published_at" datetime, "publication_id" integer NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "article"("id", "created_at", "updated_at", "version", "slug", "title", "kind", "excerpt", "body", "status", "published_at", "publication_id") SELECT "id", "created_at", "updated_at", "version", "slug", "title", "kind", "excerpt", "body", "status", "published_at", "publication_id" FROM "temporary_article"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_article"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_article_slug" ON "article" ("slug") `);
    await queryRunner.query(
      `CREATE INDEX "ix_article_published" ON "article" ("status", "published_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_article_publication" ON "article" ("publication_id", "published_at") `,
    );
    await queryRunner.query(`DROP INDEX "uq_publication_slug"`);
    await queryRunner.query(`DROP INDEX "ix_publication_community"`);
    await queryRunner.query(`ALTER TABLE "publication" RENAME TO "temporary_publication"`);
    await queryRunner.query(
      `CREATE TABLE "publication" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "slug" varchar(100) NOT NULL, "name" varchar(200) NOT NULL, "description" text NOT NULL, "community_id" integer NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "publication"("id", "created_at", "updated_at", "version", "slug", "name", "description", "community_id") SELECT "id", "created_at", "updated_at", "version", "slug", "name", "description", "community_id" FROM "temporary_publication"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_publication"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_publication_slug" ON "publication" ("slug") `);
    await queryRunner.query(
      `CREATE INDEX "ix_publication_community" ON "publication" ("community_id") `,
    );
    await queryRunner.query(`DROP INDEX "uq_community_slug"`);
    await queryRunner.query(`DROP INDEX "ix_community_parent"`);
    await queryRunner.query(`ALTER TABLE "community" RENAME TO "temporary_community"`);
    await queryRunner.query(
      `CREATE TABLE "community" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "slug" varchar(100) NOT NULL, "name" varchar(200) NOT NULL, "description" text NOT NULL, "parent_id" integer)`,
    );
    await queryRunner.query(
      `INSERT INTO "community"("id", "created_at", "updated_at", "version", "slug", "name", "description", "parent_id") SELECT "id", "created_at", "updated_at", "version", "slug", "name", "description", "parent_id" FROM "temporary_community"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_community"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_community_slug" ON "community" ("slug") `);
    await queryRunner.query(`CREATE INDEX "ix_community_parent" ON "community" ("parent_id") `);
    await queryRunner.query(`DROP INDEX "ix_article_community_community"`);
    await queryRunner.query(`DROP TABLE "article_community"`);
    await queryRunner.query(`DROP INDEX "ix_article_person_person"`);
    await queryRunner.query(`DROP TABLE "article_person"`);
    await queryRunner.query(`DROP INDEX "ix_article_session_session"`);
    await queryRunner.query(`DROP TABLE "article_session"`);
    await queryRunner.query(`DROP INDEX "ix_article_conference_conference"`);
    await queryRunner.query(`DROP TABLE "article_conference"`);
    await queryRunner.query(`DROP INDEX "ix_article_topic_topic"`);
    await queryRunner.query(`DROP TABLE "article_topic"`);
    await queryRunner.query(`DROP INDEX "ix_article_author_person"`);
    await queryRunner.query(`DROP TABLE "article_author"`);
    await queryRunner.query(`DROP INDEX "ix_session_topic_topic"`);
    await queryRunner.query(`DROP TABLE "session_topic"`);
    await queryRunner.query(`DROP INDEX "ix_session_speaker_person"`);
    await queryRunner.query(`DROP TABLE "session_speaker"`);
    await queryRunner.query(`DROP INDEX "ix_session_audience_community"`);
    await queryRunner.query(`DROP TABLE "session_audience"`);
    await queryRunner.query(`DROP INDEX "ix_session_program_conference_start"`);
    await queryRunner.query(`DROP TABLE "session_program"`);
    await queryRunner.query(`DROP INDEX "ix_conference_colocation_reverse"`);
    await queryRunner.query(`DROP TABLE "conference_colocation"`);
    await queryRunner.query(`DROP INDEX "uq_topic_slug"`);
    await queryRunner.query(`DROP TABLE "topic"`);
    await queryRunner.query(`DROP INDEX "uq_session_slug"`);
    await queryRunner.query(`DROP INDEX "ix_session_host"`);
    await queryRunner.query(`DROP INDEX "ix_session_starts_at"`);
    await queryRunner.query(`DROP TABLE "session"`);
    await queryRunner.query(`DROP INDEX "uq_person_slug"`);
    await queryRunner.query(`DROP INDEX "ix_person_name"`);
    await queryRunner.query(`DROP TABLE "person"`);
    await queryRunner.query(`DROP INDEX "uq_conference_slug"`);
    await queryRunner.query(`DROP INDEX "ix_conference_community"`);
    await queryRunner.query(`DROP INDEX "ix_conference_starts_on"`);
    await queryRunner.query(`DROP TABLE "conference"`);
    await queryRunner.query(`DROP INDEX "ix_comment_article"`);
    await queryRunner.query(`DROP TABLE "comment"`);
    await queryRunner.query(`DROP INDEX "uq_article_slug"`);
    await queryRunner.query(`DROP INDEX "ix_article_published"`);
    await queryRunner.query(`DROP INDEX "ix_article_publication"`);
    await queryRunner.query(`DROP TABLE "article"`);
    await queryRunner.query(`DROP INDEX "uq_publication_slug"`);
    await queryRunner.query(`DROP INDEX "ix_publication_community"`);
    await queryRunner.query(`DROP TABLE "publication"`);
    await queryRunner.query(`DROP INDEX "uq_community_slug"`);
    await queryRunner.query(`DROP INDEX "ix_community_parent"`);
    await queryRunner.query(`DROP TABLE "community"`);
  }
}
