import type { MigrationInterface, QueryRunner } from "typeorm";

export class Agendas1796200000000 implements MigrationInterface {
  name = "Agendas1796200000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`agenda\` (\`id\` int NOT NULL AUTO_INCREMENT, \`secret_hash\` varchar(64) NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_agenda_secret_hash\` (\`secret_hash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`agenda_session\` (\`agenda_id\` int NOT NULL, \`session_id\` int NOT NULL, \`added_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_agenda_session_session\` (\`session_id\`, \`agenda_id\`), PRIMARY KEY (\`agenda_id\`, \`session_id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`agenda_session\` ADD CONSTRAINT \`fk_agenda_session_agenda\` FOREIGN KEY (\`agenda_id\`) REFERENCES \`agenda\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`agenda_session\` ADD CONSTRAINT \`fk_agenda_session_session\` FOREIGN KEY (\`session_id\`) REFERENCES \`session\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`agenda_session\` DROP FOREIGN KEY \`fk_agenda_session_session\``);
    await queryRunner.query(`ALTER TABLE \`agenda_session\` DROP FOREIGN KEY \`fk_agenda_session_agenda\``);
    await queryRunner.query(`DROP INDEX \`ix_agenda_session_session\` ON \`agenda_session\``);
    await queryRunner.query(`DROP TABLE \`agenda_session\``);
    await queryRunner.query(`DROP INDEX \`uq_agenda_secret_hash\` ON \`agenda\``);
    await queryRunner.query(`DROP TABLE \`agenda\``);
  }
}
