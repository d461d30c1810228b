import type DataLoader from "dataloader";
import type { Translation } from "../../entities";
import { TranslationService, type LocalizedText } from "../services/translation.service";
import type { AppContext } from "./context";

/**
 * A translatable field's value for this request: the `locale` argument, else the request's
 * Accept-Language, picks the translation; with neither, the original, read without a statement.
 */
export async function localize(
  ctx: Pick<AppContext, "locales">,
  loader: DataLoader<number, Translation[]>,
  subjectId: number,
  original: string,
  field: string,
  locale: string | null | undefined,
): Promise<LocalizedText> {
  const wanted = TranslationService.wanted(locale, ctx.locales);
  if (!wanted.length) return { text: original, locale: null };
  return TranslationService.pick(original, await loader.load(subjectId), field, wanted);
}
