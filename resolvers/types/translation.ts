import { IsOptional, Length, MaxLength, ValidateIf } from "class-validator";
import { Field, InputType, ObjectType } from "type-graphql";
import { OneRoundInput } from "../../src/core/input-problems";
import { VersionedChanges } from "./editorial";

/** The `locale` argument of every translatable field. */
export const LOCALE_ARG = {
  nullable: true,
  description:
    "A BCP 47 language tag (de, pt-BR). Gives the translation into that language (or its shorter form: de-AT falls back to de) where one exists, else the original. Default: the request's Accept-Language; without either, the original.",
} as const;

@ObjectType({
  description:
    "A text in the language it was given in: a translation where one exists in a language asked for, else the original.",
})
export class TranslatedText {
  @Field({ description: "The text." })
  text!: string;

  @Field(_type => String, {
    nullable: true,
    description:
      "The locale of the translation given; null when the original was given (no translation in any language asked for, or none asked for).",
  })
  locale!: string | null;

  @Field({ description: "True when a translation was given, false for the original." })
  translated!: boolean;
}

@ObjectType({ description: "One field of a record in another language." })
export class TranslationEntry {
  @Field({ description: "The field translated: title, abstract, excerpt or body." })
  field!: string;

  @Field({ description: "The language: a BCP 47 tag such as de or pt-BR." })
  locale!: string;

  @Field({ description: "The translated text." })
  text!: string;
}

/** Optional translation fields: absent leaves the translation alone; null removes it. */
const Settable = () => ValidateIf((_object, value) => value !== undefined && value !== null);

@OneRoundInput()
@InputType({
  description:
    "One language's translations of a session: a string sets a field's translation, null removes it, absent leaves it. Writing bumps the session's version.",
})
export class SetSessionTranslationInput extends VersionedChanges {
  @Field({ description: "The language: a BCP 47 tag such as de or pt-BR." })
  @Length(2, 35)
  locale!: string;

  @Field(_type => String, { nullable: true, description: "The title (1 to 300 characters)." })
  @Settable()
  @Length(1, 300)
  title?: string | null;

  @Field(_type => String, { nullable: true, description: "The abstract (plain text)." })
  @IsOptional()
  @MaxLength(20000)
  abstract?: string | null;
}

@OneRoundInput()
@InputType({
  description:
    "One language's translations of an article: a string sets a field's translation, null removes it, absent leaves it. Writing bumps the article's version.",
})
export class SetArticleTranslationInput extends VersionedChanges {
  @Field({ description: "The language: a BCP 47 tag such as de or pt-BR." })
  @Length(2, 35)
  locale!: string;

  @Field(_type => String, { nullable: true, description: "The headline (1 to 300 characters)." })
  @Settable()
  @Length(1, 300)
  title?: string | null;

  @Field(_type => String, { nullable: true, description: "The short summary (plain text)." })
  @IsOptional()
  @MaxLength(2000)
  excerpt?: string | null;

  @Field(_type => String, { nullable: true, description: "The body (Markdown)." })
  @IsOptional()
  @MaxLength(200000)
  body?: string | null;
}
