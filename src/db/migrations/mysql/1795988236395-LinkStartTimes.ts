import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Copies each session's start onto its speaker and audience links (kept by the session writer), and
 * indexes (person, start, session) and (community, start, session), so that a person's or a
 * community's sessions read in time order straight off an index, as a program does.
 * The new index is made before the old one goes: the foreign key needs one on its column.
 */
export class LinkStartTimes1795988236395 implements MigrationInterface {
  name = "LinkStartTimes1795988236395";

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, owner] of [
      ["session_audience", "community"],
      ["session_speaker", "person"],
    ]) {
      await queryRunner.query(`ALTER TABLE \`${table}\` ADD \`starts_at\` datetime NULL`);
      await queryRunner.query(
        `UPDATE \`${table}\` l JOIN \`session\` s ON s.\`id\` = l.\`session_id\` SET l.\`starts_at\` = s.\`starts_at\``,
      );
      await queryRunner.query(`ALTER TABLE \`${table}\` MODIFY \`starts_at\` datetime NOT NULL`);
      await queryRunner.query(
        `CREATE INDEX \`ix_${table}_${owner}_start\` ON \`${table}\` (\`${owner}_id\`, \`starts_at\`, \`session_id\`)`,
      );
      await queryRunner.query(`DROP INDEX \`ix_${table}_${owner}\` ON \`${table}\``);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, owner] of [
      ["session_speaker", "person"],
      ["session_audience", "community"],
    ]) {
      await queryRunner.query(
        `CREATE INDEX \`ix_${table}_${owner}\` ON \`${table}\` (\`${owner}_id\`, \`session_id\`)`,
      );
      await queryRunner.query(`DROP INDEX \`ix_${table}_${owner}_start\` ON \`${table}\``);
      await queryRunner.query(`ALTER TABLE \`${table}\` DROP COLUMN \`starts_at\``);
    }
  }
}
