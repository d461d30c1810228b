import type { MigrationInterface } from "typeorm";
import { Initial1795522120263 } from "./1795522120263-Initial";
import { SearchIndexes1795522200000 } from "./1795522200000-SearchIndexes";
import { ApiTokens1795522900747 } from "./1795522900747-ApiTokens";
import { MutationReceipts1795523877048 } from "./1795523877048-MutationReceipts";
import { LinkStartTimes1795988234343 } from "./1795988234343-LinkStartTimes";
import { ProgramStructure1796300000000 } from "./1796300000000-ProgramStructure";
import { TitleIndexes1795989506510 } from "./1795989506510-TitleIndexes";
import { TokenScopes1796400000000 } from "./1796400000000-TokenScopes";
import { Translations1796400000001 } from "./1796400000001-Translations";
import { OutboxEvents1796100000000 } from "./1796100000000-OutboxEvents";
import { ScheduleChanges1796450000000 } from "./1796450000000-ScheduleChanges";
import { Agendas1796200000000 } from "./1796200000000-Agendas";
import { Webhooks1796200000001 } from "./1796200000001-Webhooks";
import { Accounts1796800000000 } from "./1796800000000-Accounts";
import { AccountScopes1796900000000 } from "./1796900000000-AccountScopes";
import { SearchPostings1797000000000 } from "./1797000000000-SearchPostings";
import { Retention1797100000000 } from "./1797100000000-Retention";
import { AgendaRetention1797200000000 } from "./1797200000000-AgendaRetention";

/** sqlite migrations, in order. Generate new ones with `npm run migration:generate -- Name`. */
export const sqliteMigrations: (new () => MigrationInterface)[] = [
  Initial1795522120263,
  SearchIndexes1795522200000,
  ApiTokens1795522900747,
  MutationReceipts1795523877048,
  LinkStartTimes1795988234343,
  TitleIndexes1795989506510,
  OutboxEvents1796100000000,
  Agendas1796200000000,
  Webhooks1796200000001,
  ProgramStructure1796300000000,
  TokenScopes1796400000000,
  Translations1796400000001,
  ScheduleChanges1796450000000,
  Accounts1796800000000,
  AccountScopes1796900000000,
  SearchPostings1797000000000,
  Retention1797100000000,
  AgendaRetention1797200000000,
];
