import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { Article, Role, Session, type Translation } from "../entities";
import type { AppContext } from "../src/graphql/context";
import { Reads } from "../src/graphql/selected-columns";
import { localize, textOf } from "../src/graphql/translations";
import { andThen, type MaybePromise } from "../src/core/maybe-promise";
import type { LocalizedText } from "../src/services/translation.service";
import {
  LOCALE_ARG,
  SetArticleTranslationInput,
  SetSessionTranslationInput,
  TranslatedText,
  TranslationEntry,
} from "./types/translation";
import { withFields } from "../src/core/objects";

const marked = (value: LocalizedText): TranslatedText =>
  withFields(value, { translated: value.locale !== null });

const entries = (rows: Translation[]): TranslationEntry[] =>
  rows.map(({ field, locale, text }) => ({ field, locale, text }));

/** The translatable fields of a session: title and abstract. */
@Resolver(_of => Session)
export class SessionTranslationFields {
  @FieldResolver(_returns => String, {
    description:
      "Title as listed in the program; with `locale` (or Accept-Language) in that language where a translation exists, else the original (`localizedTitle` says which).",
  })
  title(
    @Root() session: Pick<Session, "id" | "title">,
    @Arg("locale", _type => String, LOCALE_ARG) locale: string | null,
    @Ctx() ctx: AppContext,
  ): MaybePromise<string> {
    return textOf(this.text(session, "title", locale, ctx));
  }

  @FieldResolver(_returns => String, {
    description:
      "What the session covers (plain text); translated like `title` (`localizedAbstract` says which language).",
  })
  abstract(
    @Root() session: Pick<Session, "id" | "abstract">,
    @Arg("locale", _type => String, LOCALE_ARG) locale: string | null,
    @Ctx() ctx: AppContext,
  ): MaybePromise<string> {
    return textOf(this.text(session, "abstract", locale, ctx));
  }

  @FieldResolver(_returns => TranslatedText, {
    description: "The title with the language it is given in (marked when it is the original).",
  })
  localizedTitle(
    @Root() session: Pick<Session, "id" | "title">,
    @Arg("locale", _type => String, LOCALE_ARG) locale: string | null,
    @Ctx() ctx: AppContext,
  ): MaybePromise<TranslatedText> {
    return andThen(this.text(session, "title", locale, ctx), marked);
  }

  @FieldResolver(_returns => TranslatedText, {
    description: "The abstract with the language it is given in (marked when it is the original).",
  })
  @Reads(Session, "abstract")
  localizedAbstract(
    @Root() session: Pick<Session, "id" | "abstract">,
    @Arg("locale", _type => String, LOCALE_ARG) locale: string | null,
    @Ctx() ctx: AppContext,
  ): MaybePromise<TranslatedText> {
    return andThen(this.text(session, "abstract", locale, ctx), marked);
  }

  @FieldResolver(_returns => [TranslationEntry], {
    description: "Every translation of the session's title and abstract, by locale.",
  })
  async translations(
    @Root() session: Pick<Session, "id">,
    @Ctx() ctx: AppContext,
  ): Promise<TranslationEntry[]> {
    return entries(await ctx.loaders.translationsBySessionId.load(session.id));
  }

  private text(
    session: Pick<Session, "id"> & Partial<Pick<Session, "title" | "abstract">>,
    field: "title" | "abstract",
    locale: string | null,
    ctx: AppContext,
  ): MaybePromise<LocalizedText> {
    const original = session[field] ?? "";
    return localize(ctx, ctx.loaders.translationsBySessionId, session.id, original, field, locale);
  }
}

/** The translatable fields of an article: title, excerpt and body (bodyHtml is in ArticleResolver). */
@Resolver(_of => Article)
export class ArticleTranslationFields {
  @FieldResolver(_returns => String, {
    description:
      "Headline; with `locale` (or Accept-Language) in that language where a translation exists, else the original (`localizedTitle` says which).",
  })
  title(
    @Root() article: Pick<Article, "id" | "title">,
    @Arg("locale", _type => String, LOCALE_ARG) locale: string | null,
    @Ctx() ctx: AppContext,
  ): MaybePromise<string> {
    return textOf(this.text(article, "title", locale, ctx));
  }

  @FieldResolver(_returns => String, {
    description: "Short summary (plain text); translated like `title`.",
  })
  excerpt(
    @Root() article: Pick<Article, "id" | "excerpt">,
    @Arg("locale", _type => String, LOCALE_ARG) locale: string | null,
    @Ctx() ctx: AppContext,
  ): MaybePromise<string> {
    return textOf(this.text(article, "excerpt", locale, ctx));
  }

  @FieldResolver(_returns => String, {
    description: "The body in Markdown; translated like `title`.",
  })
  body(
    @Root() article: Pick<Article, "id" | "body">,
    @Arg("locale", _type => String, LOCALE_ARG) locale: string | null,
    @Ctx() ctx: AppContext,
  ): MaybePromise<string> {
    return textOf(this.text(article, "body", locale, ctx));
  }

  @FieldResolver(_returns => TranslatedText, {
    description: "The headline with the language it is given in (marked when it is the original).",
  })
  localizedTitle(
    @Root() article: Pick<Article, "id" | "title">,
    @Arg("locale", _type => String, LOCALE_ARG) locale: string | null,
    @Ctx() ctx: AppContext,
  ): MaybePromise<TranslatedText> {
    return andThen(this.text(article, "title", locale, ctx), marked);
  }

  @FieldResolver(_returns => TranslatedText, {
    description: "The excerpt with the language it is given in (marked when it is the original).",
  })
  @Reads(Article, "excerpt")
  localizedExcerpt(
    @Root() article: Pick<Article, "id" | "excerpt">,
    @Arg("locale", _type => String, LOCALE_ARG) locale: string | null,
    @Ctx() ctx: AppContext,
  ): MaybePromise<TranslatedText> {
    return andThen(this.text(article, "excerpt", locale, ctx), marked);
  }

  @FieldResolver(_returns => TranslatedText, {
    description:
      "The Markdown body with the language it is given in (marked when it is the original).",
  })
  @Reads(Article, "body")
  localizedBody(
    @Root() article: Pick<Article, "id" | "body">,
    @Arg("locale", _type => String, LOCALE_ARG) locale: string | null,
    @Ctx() ctx: AppContext,
  ): MaybePromise<TranslatedText> {
    return andThen(this.text(article, "body", locale, ctx), marked);
  }

  @FieldResolver(_returns => [TranslationEntry], {
    description: "Every translation of the article's title, excerpt and body, by locale.",
  })
  async translations(
    @Root() article: Pick<Article, "id">,
    @Ctx() ctx: AppContext,
  ): Promise<TranslationEntry[]> {
    return entries(await ctx.loaders.translationsByArticleId.load(article.id));
  }

  private text(
    article: Pick<Article, "id"> & Partial<Pick<Article, "title" | "excerpt" | "body">>,
    field: "title" | "excerpt" | "body",
    locale: string | null,
    ctx: AppContext,
  ): MaybePromise<LocalizedText> {
    const original = article[field] ?? "";
    return localize(ctx, ctx.loaders.translationsByArticleId, article.id, original, field, locale);
  }
}

/** Writing translations. */
@Resolver()
export class TranslationMutations {
  @Authorized(Role.EDITOR)
  @Mutation(_returns => Session, {
    description:
      "Sets or removes one language's translations of a session's title and abstract, if the session is still at the version you read (it then moves to the next). EDITOR; a scoped token needs the session's conferences in scope.",
  })
  setSessionTranslation(
    @Arg("input", _type => SetSessionTranslationInput, { description: "The translations." })
    input: SetSessionTranslationInput,
    @Ctx() ctx: AppContext,
  ): Promise<Session> {
    return ctx.services.editorial.translations.setSession(ctx, input);
  }

  @Authorized(Role.EDITOR)
  @Mutation(_returns => Article, {
    description:
      "Sets or removes one language's translations of an article's title, excerpt and body, if the article is still at the version you read (it then moves to the next). EDITOR.",
  })
  setArticleTranslation(
    @Arg("input", _type => SetArticleTranslationInput, { description: "The translations." })
    input: SetArticleTranslationInput,
    @Ctx() ctx: AppContext,
  ): Promise<Article> {
    return ctx.services.editorial.translations.setArticle(ctx, input);
  }
}
