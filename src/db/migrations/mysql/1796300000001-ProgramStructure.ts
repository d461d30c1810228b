import type { MigrationInterface, QueryRunner } from "typeorm";
import { roomsFromText } from "../room-records";

/**
 * Series and editions, tracks, venues with rooms, session links and the do-not-record flag; then
 * the existing free-text rooms become room records (see roomsFromText).
 */
export class ProgramStructure1796300000001 implements MigrationInterface {
  name = "ProgramStructure1796300000001";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`conference_series\` (\`id\` int NOT NULL AUTO_INCREMENT, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`version\` int NOT NULL DEFAULT '1', \`slug\` varchar(100) NOT NULL, \`name\` varchar(200) NOT NULL, \`community_id\` int NOT NULL, INDEX \`ix_conference_series_community\` (\`community_id\`), UNIQUE INDEX \`uq_conference_series_slug\` (\`slug\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`venue\` (\`id\` int NOT NULL AUTO_INCREMENT, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`version\` int NOT NULL DEFAULT '1', \`name\` varchar(200) NOT NULL, \`city\` varchar(100) NOT NULL, \`country\` varchar(2) NOT NULL, UNIQUE INDEX \`uq_venue_place\` (\`name\`, \`city\`, \`country\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`room\` (\`id\` int NOT NULL AUTO_INCREMENT, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`version\` int NOT NULL DEFAULT '1', \`venue_id\` int NOT NULL, \`name\` varchar(100) NOT NULL, \`slug\` varchar(100) NOT NULL, \`capacity\` int NULL, \`guid\` varchar(36) NOT NULL, \`position\` int NOT NULL DEFAULT '0', INDEX \`ix_room_venue_position\` (\`venue_id\`, \`position\`, \`id\`), UNIQUE INDEX \`uq_room_guid\` (\`guid\`), UNIQUE INDEX \`uq_room_venue_slug\` (\`venue_id\`, \`slug\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`track\` (\`id\` int NOT NULL AUTO_INCREMENT, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`version\` int NOT NULL DEFAULT '1', \`conference_id\` int NOT NULL, \`slug\` varchar(100) NOT NULL, \`name\` varchar(100) NOT NULL, \`color\` varchar(7) NULL, UNIQUE INDEX \`uq_track_conference_slug\` (\`conference_id\`, \`slug\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`session_link\` (\`id\` int NOT NULL AUTO_INCREMENT, \`session_id\` int NOT NULL, \`position\` int NOT NULL, \`kind\` varchar(16) NOT NULL, \`url\` varchar(2000) NOT NULL, \`title\` varchar(300) NULL, INDEX \`ix_session_link_session\` (\`session_id\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`conference\` ADD \`series_id\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`session\` ADD \`room_id\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`session\` ADD \`track_id\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`session\` ADD \`do_not_record\` tinyint NOT NULL DEFAULT 0`);
    await queryRunner.query(`CREATE INDEX \`ix_conference_series\` ON \`conference\` (\`series_id\`, \`starts_on\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`ix_session_room\` ON \`session\` (\`room_id\`, \`starts_at\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`ix_session_track\` ON \`session\` (\`track_id\`, \`starts_at\`, \`id\`)`);
    await queryRunner.query(`ALTER TABLE \`conference_series\` ADD CONSTRAINT \`fk_conference_series_community\` FOREIGN KEY (\`community_id\`) REFERENCES \`community\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`conference\` ADD CONSTRAINT \`fk_conference_series\` FOREIGN KEY (\`series_id\`) REFERENCES \`conference_series\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`room\` ADD CONSTRAINT \`fk_room_venue\` FOREIGN KEY (\`venue_id\`) REFERENCES \`venue\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`track\` ADD CONSTRAINT \`fk_track_conference\` FOREIGN KEY (\`conference_id\`) REFERENCES \`conference\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`session\` ADD CONSTRAINT \`fk_session_room\` FOREIGN KEY (\`room_id\`) REFERENCES \`room\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`session\` ADD CONSTRAINT \`fk_session_track\` FOREIGN KEY (\`track_id\`) REFERENCES \`track\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`session_link\` ADD CONSTRAINT \`fk_session_link_session\` FOREIGN KEY (\`session_id\`) REFERENCES \`session\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await roomsFromText(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`session_link\` DROP FOREIGN KEY \`fk_session_link_session\``);
    await queryRunner.query(`ALTER TABLE \`session\` DROP FOREIGN KEY \`fk_session_track\``);
    await queryRunner.query(`ALTER TABLE \`session\` DROP FOREIGN KEY \`fk_session_room\``);
    await queryRunner.query(`ALTER TABLE \`track\` DROP FOREIGN KEY \`fk_track_conference\``);
    await queryRunner.query(`ALTER TABLE \`room\` DROP FOREIGN KEY \`fk_room_venue\``);
    await queryRunner.query(`ALTER TABLE \`conference\` DROP FOREIGN KEY \`fk_conference_series\``);
    await queryRunner.query(`ALTER TABLE \`conference_series\` DROP FOREIGN KEY \`fk_conference_series_community\``);
    await queryRunner.query(`DROP INDEX \`ix_session_track\` ON \`session\``);
    await queryRunner.query(`DROP INDEX \`ix_session_room\` ON \`session\``);
    await queryRunner.query(`DROP INDEX \`ix_conference_series\` ON \`conference\``);
    await queryRunner.query(`ALTER TABLE \`session\` DROP COLUMN \`do_not_record\``);
    await queryRunner.query(`ALTER TABLE \`session\` DROP COLUMN \`track_id\``);
    await queryRunner.query(`ALTER TABLE \`session\` DROP COLUMN \`room_id\``);
    await queryRunner.query(`ALTER TABLE \`conference\` DROP COLUMN \`series_id\``);
    await queryRunner.query(`DROP INDEX \`ix_session_link_session\` ON \`session_link\``);
    await queryRunner.query(`DROP TABLE \`session_link\``);
    await queryRunner.query(`DROP INDEX \`uq_track_conference_slug\` ON \`track\``);
    await queryRunner.query(`DROP TABLE \`track\``);
    await queryRunner.query(`DROP INDEX \`uq_room_venue_slug\` ON \`room\``);
    await queryRunner.query(`DROP INDEX \`uq_room_guid\` ON \`room\``);
    await queryRunner.query(`DROP INDEX \`ix_room_venue_position\` ON \`room\``);
    await queryRunner.query(`DROP TABLE \`room\``);
    await queryRunner.query(`DROP INDEX \`uq_venue_place\` ON \`venue\``);
    await queryRunner.query(`DROP TABLE \`venue\``);
    await queryRunner.query(`DROP INDEX \`uq_conference_series_slug\` ON \`conference_series\``);
    await queryRunner.query(`DROP INDEX \`ix_conference_series_community\` ON \`conference_series\``);
    await queryRunner.query(`DROP TABLE \`conference_series\``);
  }
}
