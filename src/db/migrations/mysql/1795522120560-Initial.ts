import type { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795522120560 implements MigrationInterface {
  name = "Initial1795522120560";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`community\` (\`id\` int NOT NULL AUTO_INCREMENT, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`version\` int NOT NULL DEFAULT '1', \`slug\` varchar(100) NOT NULL, \`name\` varchar(200) NOT NULL, \`description\` text NOT NULL, \`parent_id\` int NULL, INDEX \`ix_community_parent\` (\`parent_id\`), UNIQUE INDEX \`uq_community_slug\` (\`slug\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`publication\` (\`id\` int NOT NULL AUTO_INCREMENT, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`version\` int NOT NULL DEFAULT '1', \`slug\` varchar(100) NOT NULL, \`name\` varchar(200) NOT NULL, \`description\` text NOT NULL, \`community_id\` int NOT NULL, INDEX \`ix_publication_community\` (\`community_id\`), UNIQUE INDEX \`uq_publication_slug\` (\`slug\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`article\` (\`id\` int NOT NULL AUTO_INCREMENT, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`version\` int NOT NULL DEFAULT '1', \`slug\` varchar(150) NOT NULL, \`title\` varchar(300) NOT NULL, \`kind\` varchar(16) NOT NULL, \`excerpt\` text NOT NULL, \`body\` text NOT NULL, \`status\` varchar(16) NOT NULL DEFAULT 'DRAFT', \`published_at\` datetime NULL, \`publication_id\` int NOT NULL, INDEX \`ix_article_publication\` (\`publication_id\`, \`published_at\`), INDEX \`ix_article_published\` (\`status\`, \`published_at\`, \`id\`), UNIQUE INDEX \`uq_article_slug\` (\`slug\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`comment\` (\`id\` int NOT NULL AUTO_INCREMENT, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`version\` int NOT NULL DEFAULT '1', \`article_id\` int NOT NULL, \`author_name\` varchar(100) NOT NULL, \`email\` varchar(254) NULL, \`body\` text NOT NULL, \`status\` varchar(16) NOT NULL DEFAULT 'PENDING', INDEX \`ix_comment_article\` (\`article_id\`, \`status\`, \`created_at\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`conference\` (\`id\` int NOT NULL AUTO_INCREMENT, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`version\` int NOT NULL DEFAULT '1', \`slug\` varchar(100) NOT NULL, \`name\` varchar(200) NOT NULL, \`edition\` int NOT NULL, \`community_id\` int NOT NULL, \`organizer\` varchar(200) NOT NULL, \`starts_on\` date NOT NULL, \`ends_on\` date NOT NULL, \`timezone\` varchar(64) NOT NULL, \`venue_name\` varchar(200) NOT NULL, \`venue_city\` varchar(100) NOT NULL, \`venue_country\` varchar(2) NOT NULL, \`attendance\` int NULL, \`description\` text NOT NULL, INDEX \`ix_conference_starts_on\` (\`starts_on\`, \`id\`), INDEX \`ix_conference_community\` (\`community_id\`), UNIQUE INDEX \`uq_conference_slug\` (\`slug\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`person\` (\`id\` int NOT NULL AUTO_INCREMENT, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`version\` int NOT NULL DEFAULT '1', \`slug\` varchar(100) NOT NULL, \`name\` varchar(200) NOT NULL, \`bio\` text NOT NULL, \`affiliation\` varchar(200) NULL, \`links\` text NOT NULL, INDEX \`ix_person_name\` (\`name\`, \`id\`), UNIQUE INDEX \`uq_person_slug\` (\`slug\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`session\` (\`id\` int NOT NULL AUTO_INCREMENT, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`version\` int NOT NULL DEFAULT '1', \`slug\` varchar(150) NOT NULL, \`title\` varchar(300) NOT NULL, \`abstract\` text NOT NULL, \`kind\` varchar(16) NOT NULL, \`level\` varchar(16) NOT NULL DEFAULT 'ALL', \`starts_at\` datetime NOT NULL, \`ends_at\` datetime NOT NULL, \`room\` varchar(100) NULL, \`location\` varchar(300) NULL, \`host_conference_id\` int NOT NULL, INDEX \`ix_session_starts_at\` (\`starts_at\`, \`id\`), INDEX \`ix_session_host\` (\`host_conference_id\`, \`starts_at\`), UNIQUE INDEX \`uq_session_slug\` (\`slug\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`topic\` (\`id\` int NOT NULL AUTO_INCREMENT, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`version\` int NOT NULL DEFAULT '1', \`slug\` varchar(100) NOT NULL, \`name\` varchar(200) NOT NULL, UNIQUE INDEX \`uq_topic_slug\` (\`slug\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`conference_colocation\` (\`conference_id\` int NOT NULL, \`colocated_id\` int NOT NULL, INDEX \`ix_conference_colocation_reverse\` (\`colocated_id\`, \`conference_id\`), PRIMARY KEY (\`conference_id\`, \`colocated_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`session_program\` (\`session_id\` int NOT NULL, \`conference_id\` int NOT NULL, \`starts_at\` datetime NOT NULL, INDEX \`ix_session_program_conference_start\` (\`conference_id\`, \`starts_at\`, \`session_id\`), PRIMARY KEY (\`session_id\`, \`conference_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`session_audience\` (\`session_id\` int NOT NULL, \`community_id\` int NOT NULL, INDEX \`ix_session_audience_community\` (\`community_id\`, \`session_id\`), PRIMARY KEY (\`session_id\`, \`community_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`session_speaker\` (\`session_id\` int NOT NULL, \`person_id\` int NOT NULL, \`position\` int NOT NULL, INDEX \`ix_session_speaker_person\` (\`person_id\`, \`session_id\`), PRIMARY KEY (\`session_id\`, \`person_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`session_topic\` (\`session_id\` int NOT NULL, \`topic_id\` int NOT NULL, INDEX \`ix_session_topic_topic\` (\`topic_id\`, \`session_id\`), PRIMARY KEY (\`session_id\`, \`topic_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`article_author\` (\`article_id\` int NOT NULL, \`person_id\` int NOT NULL, \`position\` int NOT NULL, INDEX \`ix_article_author_person\` (\`person_id\`, \`article_id\`), PRIMARY KEY (\`article_id\`, \`person_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`article_topic\` (\`article_id\` int NOT NULL, \`topic_id\` int NOT NULL, INDEX \`ix_article_topic_topic\` (\`topic_id\`, \`article_id\`), PRIMARY KEY (\`article_id\`, \`topic_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`article_conference\` (\`article_id\` int NOT NULL, \`conference_id\` int NOT NULL, INDEX \`ix_article_conference_conference\` (\`conference_id\`, \`article_id\`), PRIMARY KEY (\`article_id\`, \`conference_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`article_session\` (\`article_id\` int NOT NULL, \`session_id\` int NOT NULL, INDEX \`ix_article_session_session\` (\`session_id\`, \`article_id\`), PRIMARY KEY (\`article_id\`, \`session_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`article_person\` (\`article_id\` int NOT NULL, \`person_id\` int NOT NULL, INDEX \`ix_article_person_person\` (\`person_id\`, \`article_id\`), PRIMARY KEY (\`article_id\`, \`person_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`article_community\` (\`article_id\` int NOT NULL, \`community_id\` int NOT NULL, INDEX \`ix_article_community_community\` (\`community_id\`, \`article_id\`), PRIMARY KEY (\`article_id\`, \`community_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`community\` ADD CONSTRAINT \`fk_community_parent\` FOREIGN KEY (\`parent_id\`) REFERENCES \`community\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`publication\` ADD CONSTRAINT \`fk_publication_community\` FOREIGN KEY (\`community_id\`) REFERENCES \`community\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`article\` ADD CONSTRAINT \`fk_article_publication\` FOREIGN KEY (\`publication_id\`) REFERENCES \`publication\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`comment\` ADD CONSTRAINT \`fk_comment_article\` FOREIGN KEY (\`article_id\`) REFERENCES \`article\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`conference\` ADD CONSTRAINT \`fk_conference_community\` FOREIGN KEY (\`community_id\`) REFERENCES \`community\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`session\` ADD CONSTRAINT \`fk_session_host_conference\` FOREIGN KEY (\`host_conference_id\`) REFERENCES \`conference\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`conference_colocation\` ADD CONSTRAINT \`fk_colocation_conference\` FOREIGN KEY (\`conference_id\`) REFERENCES \`conference\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`conference_colocation\` ADD CONSTRAINT \`fk_colocation_colocated\` FOREIGN KEY (\`colocated_id\`) REFERENCES \`conference\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`session_program\` ADD CONSTRAINT \`fk_session_program_session\` FOREIGN KEY (\`session_id\`) REFERENCES \`session\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`session_program\` ADD CONSTRAINT \`fk_session_program_conference\` FOREIGN KEY (\`conference_id\`) REFERENCES \`conference\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`session_audience\` ADD CONSTRAINT \`fk_session_audience_session\` FOREIGN KEY (\`session_id\`) REFERENCES \`session\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`session_audience\` ADD CONSTRAINT \`fk_session_audience_community\` FOREIGN KEY (\`community_id\`) REFERENCES \`community\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`session_speaker\` ADD CONSTRAINT \`fk_session_speaker_session\` FOREIGN KEY (\`session_id\`) REFERENCES \`session\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`session_speaker\` ADD CONSTRAINT \`fk_session_speaker_person\` FOREIGN KEY (\`person_id\`) REFERENCES \`person\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`session_topic\` ADD CONSTRAINT \`fk_session_topic_session\` FOREIGN KEY (\`session_id\`) REFERENCES \`session\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`session_topic\` ADD CONSTRAINT \`fk_session_topic_topic\` FOREIGN KEY (\`topic_id\`) REFERENCES \`topic\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`article_author\` ADD CONSTRAINT \`fk_article_author_article\` FOREIGN KEY (\`article_id\`) REFERENCES \`article\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`article_author\` ADD CONSTRAINT \`fk_article_author_person\` FOREIGN KEY (\`person_id\`) REFERENCES \`person\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`article_topic\` ADD CONSTRAINT \`fk_article_topic_article\` FOREIGN KEY (\`article_id\`) REFERENCES \`article\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`article_topic\` ADD CONSTRAINT \`fk_article_topic_topic\` FOREIGN KEY (\`topic_id\`) REFERENCES \`topic\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`article_conference\` ADD CONSTRAINT \`fk_article_conference_article\` FOREIGN KEY (\`article_id\`) REFERENCES \`article\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`article_conference\` ADD CONSTRAINT \`fk_article_conference_conference\` FOREIGN KEY (\`conference_id\`) REFERENCES \`conference\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`article_session\` ADD CONSTRAINT \`fk_article_session_article\` FOREIGN KEY (\`article_id\`) REFERENCES \`article\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`article_session\` ADD CONSTRAINT \`fk_article_session_session\` FOREIGN KEY (\`session_id\`) REFERENCES \`session\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`article_person\` ADD CONSTRAINT \`fk_article_person_article\` FOREIGN KEY (\`article_id\`) REFERENCES \`article\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`article_person\` ADD CONSTRAINT \`fk_article_person_person\` FOREIGN KEY (\`person_id\`) REFERENCES \`person\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`article_community\` ADD CONSTRAINT \`fk_article_community_article\` FOREIGN KEY (\`article_id\`) REFERENCES \`article\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`article_community\` ADD CONSTRAINT \`fk_article_community_community\` FOREIGN KEY (\`community_id\`) REFERENCES \`community\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`article_community\` DROP FOREIGN KEY \`fk_article_community_community\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`article_community\` DROP FOREIGN KEY \`fk_article_community_article\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`article_person\` DROP FOREIGN KEY \`fk_article_person_person\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`article_person\` DROP FOREIGN KEY \`fk_article_person_article\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`article_session\` DROP FOREIGN KEY \`fk_article_session_session\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`article_session\` DROP FOREIGN KEY \`fk_article_session_article\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`article_conference\` DROP FOREIGN KEY \`fk_article_conference_conference\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`article_conference\` DROP FOREIGN KEY \`fk_article_conference_article\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`article_topic\` DROP FOREIGN KEY \`fk_article_topic_topic\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`article_topic\` DROP FOREIGN KEY \`fk_article_topic_article\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`article_author\` DROP FOREIGN KEY \`fk_article_author_person\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`article_author\` DROP FOREIGN KEY \`fk_article_author_article\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`session_topic\` DROP FOREIGN KEY \`fk_session_topic_topic\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`session_topic\` DROP FOREIGN KEY \`fk_session_topic_session\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`session_speaker\` DROP FOREIGN KEY \`fk_session_speaker_person\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`session_speaker\` DROP FOREIGN KEY \`fk_session_speaker_session\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`session_audience\` DROP FOREIGN KEY \`fk_session_audience_community\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`session_audience\` DROP FOREIGN KEY \`fk_session_audience_session\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`session_program\` DROP FOREIGN KEY \`fk_session_program_conference\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`session_program\` DROP FOREIGN KEY \`fk_session_program_session\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`conference_colocation\` DROP FOREIGN KEY \`fk_colocation_colocated\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`conference_colocation\` DROP FOREIGN KEY \`fk_colocation_conference\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`session\` DROP FOREIGN KEY \`fk_session_host_conference\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`conference\` DROP FOREIGN KEY \`fk_conference_community\``,
    );
    await queryRunner.query(`ALTER TABLE \`comment\` DROP FOREIGN KEY \`fk_comment_article\``);
    await queryRunner.query(`ALTER TABLE \`article\` DROP FOREIGN KEY \`fk_article_publication\``);
    await queryRunner.query(
      `ALTER TABLE \`publication\` DROP FOREIGN KEY \`fk_publication_community\``,
    );
    await queryRunner.query(`ALTER TABLE \`community\` DROP FOREIGN KEY \`fk_community_parent\``);
    await queryRunner.query(
      `DROP INDEX \`ix_article_community_community\` ON \`article_community\``,
    );
    await queryRunner.query(`DROP TABLE \`article_community\``);
    await queryRunner.query(`DROP INDEX \`ix_article_person_person\` ON \`article_person\``);
    await queryRunner.query(`DROP TABLE \`article_person\``);
    await queryRunner.query(`DROP INDEX \`ix_article_session_session\` ON \`article_session\``);
    await queryRunner.query(`DROP TABLE \`article_session\``);
    await queryRunner.query(
      `DROP INDEX \`ix_article_conference_conference\` ON \`article_conference\``,
    );
    await queryRunner.query(`DROP TABLE \`article_conference\``);
    await queryRunner.query(`DROP INDEX \`ix_article_topic_topic\` ON \`article_topic\``);
    await queryRunner.query(`DROP TABLE \`article_topic\``);
    await queryRunner.query(`DROP INDEX \`ix_article_author_person\` ON \`article_author\``);
    await queryRunner.query(`DROP TABLE \`article_author\``);
    await queryRunner.query(`DROP INDEX \`ix_session_topic_topic\` ON \`session_topic\``);
    await queryRunner.query(`DROP TABLE \`session_topic\``);
    await queryRunner.query(`DROP INDEX \`ix_session_speaker_person\` ON \`session_speaker\``);
    await queryRunner.query(`DROP TABLE \`session_speaker\``);
    await queryRunner.query(`DROP INDEX \`ix_session_audience_community\` ON \`session_audience\``);
    await queryRunner.query(`DROP TABLE \`session_audience\``);
    await queryRunner.query(
      `DROP INDEX \`ix_session_program_conference_start\` ON \`session_program\``,
    );
    await queryRunner.query(`DROP TABLE \`session_program\``);
    await queryRunner.query(
      `DROP INDEX \`ix_conference_colocation_reverse\` ON \`conference_colocation\``,
    );
    await queryRunner.query(`DROP TABLE \`conference_colocation\``);
    await queryRunner.query(`DROP INDEX \`uq_topic_slug\` ON \`topic\``);
    await queryRunner.query(`DROP TABLE \`topic\``);
    await queryRunner.query(`DROP INDEX \`uq_session_slug\` ON \`session\``);
    await queryRunner.query(`DROP INDEX \`ix_session_host\` ON \`session\``);
    await queryRunner.query(`DROP INDEX \`ix_session_starts_at\` ON \`session\``);
    await queryRunner.query(`DROP TABLE \`session\``);
    await queryRunner.query(`DROP INDEX \`uq_person_slug\` ON \`person\``);
    await queryRunner.query(`DROP INDEX \`ix_person_name\` ON \`person\``);
    await queryRunner.query(`DROP TABLE \`person\``);
    await queryRunner.query(`DROP INDEX \`uq_conference_slug\` ON \`conference\``);
    await queryRunner.query(`DROP INDEX \`ix_conference_community\` ON \`conference\``);
    await queryRunner.query(`DROP INDEX \`ix_conference_starts_on\` ON \`conference\``);
    await queryRunner.query(`DROP TABLE \`conference\``);
    await queryRunner.query(`DROP INDEX \`ix_comment_article\` ON \`comment\``);
    await queryRunner.query(`DROP TABLE \`comment\``);
    await queryRunner.query(`DROP INDEX \`uq_article_slug\` ON \`article\``);
    await queryRunner.query(`DROP INDEX \`ix_article_published\` ON \`article\``);
    await queryRunner.query(`DROP INDEX \`ix_article_publication\` ON \`article\``);
    await queryRunner.query(`DROP TABLE \`article\``);
    await queryRunner.query(`DROP INDEX \`uq_publication_slug\` ON \`publication\``);
    await queryRunner.query(`DROP INDEX \`ix_publication_community\` ON \`publication\``);
    await queryRunner.query(`DROP TABLE \`publication\``);
    await queryRunner.query(`DROP INDEX \`uq_community_slug\` ON \`community\``);
    await queryRunner.query(`DROP INDEX \`ix_community_parent\` ON \`community\``);
    await queryRunner.query(`DROP TABLE \`community\``);
  }
}
