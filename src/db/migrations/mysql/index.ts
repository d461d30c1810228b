import type { MigrationInterface } from "typeorm";
import { Initial1795522120560 } from "./1795522120560-Initial";
import { SearchIndexes1795522200000 } from "./1795522200000-SearchIndexes";
import { ApiTokens1795522904247 } from "./1795522904247-ApiTokens";
import { MutationReceipts1795523881142 } from "./1795523881142-MutationReceipts";
import { LinkStartTimes1795988236395 } from "./1795988236395-LinkStartTimes";
import { ProgramStructure1796300000001 } from "./1796300000001-ProgramStructure";
import { TitleIndexes1795989514031 } from "./1795989514031-TitleIndexes";
import { TokenScopes1796400000000 } from "./1796400000000-TokenScopes";
import { Translations1796400000001 } from "./1796400000001-Translations";
import { OutboxEvents1796100000000 } from "./1796100000000-OutboxEvents";
import { ScheduleChanges1796100000001 } from "./1796100000001-ScheduleChanges";
import { Agendas1796200000000 } from "./1796200000000-Agendas";
import { Webhooks1796200000001 } from "./1796200000001-Webhooks";
import { Accounts1796800000100 } from "./1796800000100-Accounts";
import { AccountScopes1796900000000 } from "./1796900000000-AccountScopes";
import { SearchPostings1797000000000 } from "./1797000000000-SearchPostings";
import { Retention1797100000000 } from "./1797100000000-Retention";
import { AgendaRetention1797200000000 } from "./1797200000000-AgendaRetention";

/** mysql migrations, in order. Generate new ones with `npm run migration:generate -- Name`. */
export const mysqlMigrations: (new () => MigrationInterface)[] = [
  Initial1795522120560,
  SearchIndexes1795522200000,
  ApiTokens1795522904247,
  MutationReceipts1795523881142,
  LinkStartTimes1795988236395,
  TitleIndexes1795989514031,
  OutboxEvents1796100000000,
  ScheduleChanges1796100000001,
  Agendas1796200000000,
  Webhooks1796200000001,
  ProgramStructure1796300000001,
  TokenScopes1796400000000,
  Translations1796400000001,
  Accounts1796800000100,
  AccountScopes1796900000000,
  SearchPostings1797000000000,
  Retention1797100000000,
  AgendaRetention1797200000000,
];
