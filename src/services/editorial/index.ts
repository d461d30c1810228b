import type { DataSource } from "typeorm";
import type { CommentConfig } from "../../core/config";
import { AgendaWriter } from "./agenda.writer";
import { ArticleWriter, TaxonomyWriter } from "./article.writer";
import { CommentWriter } from "./comment.writer";
import { ConferenceWriter } from "./conference.writer";
import { PersonWriter } from "./person.writer";
import { SessionWriter } from "./session.writer";
import { TranslationWriter } from "./translation.writer";
import { StructureWriter } from "./structure.writer";
import { ScheduleLog } from "./schedule-log";
import { Writer } from "./writer";
import type { ReferenceCache } from "../reference-cache";

/** The write side. Every writer shares one Writer, so SQLite transactions queue behind each other. */
export interface EditorialServices {
  conferences: ConferenceWriter;
  sessions: SessionWriter;
  people: PersonWriter;
  articles: ArticleWriter;
  taxonomy: TaxonomyWriter;
  comments: CommentWriter;
  translations: TranslationWriter;
  /** Series, tracks and rooms. */
  structure: StructureWriter;
  /** Personal agendas (anyone, with the agenda's secret). */
  agendas: AgendaWriter;
  /** The shared transaction runner; `onCommitted` hears every committed write's domain events. */
  writer: Writer;
}

export function createEditorialServices(
  dataSource: DataSource,
  comments: CommentConfig,
  references?: ReferenceCache,
): EditorialServices {
  const writer = new Writer(dataSource, references);
  const schedule = new ScheduleLog(writer);
  return {
    conferences: new ConferenceWriter(writer, schedule),
    sessions: new SessionWriter(writer, schedule),
    people: new PersonWriter(writer),
    articles: new ArticleWriter(writer),
    taxonomy: new TaxonomyWriter(writer),
    comments: new CommentWriter(writer, comments),
    translations: new TranslationWriter(writer),
    structure: new StructureWriter(writer, schedule),
    agendas: new AgendaWriter(writer),
    writer,
  };
}
