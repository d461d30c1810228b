import type { DataSource } from "typeorm";
import { Translation, type TranslatedKind } from "../../entities";
import { BadUserInputError } from "../core/errors";
import { fallbacks, LOCALE_MESSAGE, normalizeLocale } from "../core/locale";

/** A text in the language it was given in. */
export interface LocalizedText {
  text: string;
  /** The locale of the translation given; null when the original text was given. */
  locale: string | null;
}

/** No language asked for: the original. */
const NONE: readonly string[] = [];

/**
 * Reads translations of session and article text. Loaders batch `bySubjects` (one statement per
 * kind and batch, whatever the fields and locales asked for); `pick` chooses among them.
 */
export class TranslationService {
  constructor(private readonly dataSource: DataSource) {}

  /** Every translation of the given subjects of one kind, by subject id, in locale order. */
  async bySubjects(
    kind: TranslatedKind,
    ids: readonly number[],
  ): Promise<Map<number, Translation[]>> {
    const out = new Map<number, Translation[]>();
    if (!ids.length) return out;
    const rows = await this.dataSource
      .getRepository(Translation)
      .createQueryBuilder("t")
      .where("t.subject_type = :kind AND t.subject_id IN (:...ids)", { kind, ids: [...ids] })
      .orderBy("t.subject_id", "ASC")
      .addOrderBy("t.locale", "ASC")
      .addOrderBy("t.field", "ASC")
      .getMany();
    for (const row of rows) out.set(row.subjectId, [...(out.get(row.subjectId) ?? []), row]);
    return out;
  }

  /**
   * The languages to try for a field: the `locale` argument (with its shorter forms) when given,
   * else the request's Accept-Language preferences; [] means the original. A malformed argument is
   * BAD_USER_INPUT.
   */
  static wanted(
    locale: string | null | undefined,
    requested: readonly string[] = NONE,
  ): readonly string[] {
    if (locale == null) return requested;
    const normal = normalizeLocale(locale);
    if (!normal) {
      throw new BadUserInputError(`locale ${LOCALE_MESSAGE}`, [
        { field: "locale", message: LOCALE_MESSAGE },
      ]);
    }
    return fallbacks(normal);
  }

  /** `field` in the first wanted language that has a translation of it, else the original. */
  static pick(
    original: string,
    translations: readonly Translation[],
    field: string,
    wanted: readonly string[],
  ): LocalizedText {
    for (const locale of wanted) {
      const hit = translations.find(t => t.field === field && t.locale === locale);
      if (hit) return { text: hit.text, locale: hit.locale };
    }
    return { text: original, locale: null };
  }
}
