import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";

/** The kinds of record whose text can be translated. */
export type TranslatedKind = "Session" | "Article";

/** The fields that carry translations, by kind (the names of the original columns). */
export const TRANSLATED_FIELDS = {
  Session: ["title", "abstract"],
  Article: ["title", "excerpt", "body"],
} as const satisfies Record<TranslatedKind, readonly string[]>;

/**
 * One field of a session or an article in another language: the subject (kind and id), the field
 * (`title`, `abstract`, `excerpt`, `body`), the locale (a BCP 47 tag such as `de` or `pt-BR`) and the
 * text. At most one per subject, field and locale. Written only through the editorial writers, which
 * bump the subject's version with it; search indexes it with its subject (src/db/search-index.ts).
 */
@Entity({ name: "translation" })
@Index("uq_translation", ["subjectType", "subjectId", "field", "locale"], { unique: true })
export class Translation {
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  @Column({ type: "varchar", length: 16 })
  subjectType!: TranslatedKind;

  @Column({ type: "int" })
  subjectId!: number;

  @Column({ type: "varchar", length: 16 })
  field!: string;

  @Column({ type: "varchar", length: 35 })
  locale!: string;

  @Column({ type: "text" })
  text!: string;

  @UpdateDateColumn({ type: "datetime", name: "updated_at" })
  updatedAt!: Date;
}
