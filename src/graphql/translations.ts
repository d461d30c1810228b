import type DataLoader from "dataloader";
import type { Translation } from "../../entities";
import { andThen, type MaybePromise } from "../core/maybe-promise";
import { TranslationService, type LocalizedText } from "../services/translation.service";
import type { AppContext } from "./context";

/**
 * A translatable field's value for this request: the `locale` argument, else the request's
 * Accept-Language, picks the translation; with neither, the original, read without a statement
 * (and given at once, so a page of titles costs no promise per title).
 */
export function localize(
  ctx: Pick<AppContext, "locales">,
  loader: DataLoader<number, Translation[]>,
  subjectId: number,
  original: string,
  field: string,
  locale: string | null | undefined,
): MaybePromise<LocalizedText> {
  const wanted = TranslationService.wanted(locale, ctx.locales);
  if (!wanted.length) return { text: original, locale: null };
  return loader
    .load(subjectId)
    .then(rows => TranslationService.pick(original, rows, field, wanted));
}

/** A localized value's text alone: at once when the value is (no function made per call). */
export function textOf(value: MaybePromise<LocalizedText>): MaybePromise<string> {
  return andThen(value, textOfValue);
}

const textOfValue = (value: LocalizedText): string => value.text;
