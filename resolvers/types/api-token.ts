import { OneRoundInput } from "../../src/core/input-problems";
import { IsDate, IsEnum, IsOptional, Length, MinDate } from "class-validator";
import { Field, InputType, ObjectType } from "type-graphql";
import { ApiToken, Role } from "../../entities";
import { DateTimeScalar } from "../../src/core/scalars";
import { ScopeFields } from "./scope";

/** What to create a token for. */
@OneRoundInput()
@InputType({ description: "A new API token." })
export class CreateApiTokenInput extends ScopeFields implements Partial<ApiToken> {
  @Field({ description: "What the token is for, e.g. who holds it (1 to 100 characters)." })
  @Length(1, 100)
  name!: string;

  @Field(_type => Role, { description: "What the token may do." })
  @IsEnum(Role)
  role!: Role;

  @Field(_type => DateTimeScalar, {
    nullable: true,
    description: "When the token stops working; must be in the future. Omit for never.",
  })
  @IsOptional()
  @IsDate()
  @MinDate(() => new Date(), { message: "expiresAt must be in the future" })
  expiresAt?: Date | null;
}

/** A new token with its secret. */
@ObjectType({ description: "A newly created API token, with its secret." })
export class CreatedApiToken {
  @Field({
    description:
      "The bearer token. It is shown only this once: store it now. Send it as `Authorization: Bearer <token>`.",
  })
  token!: string;

  @Field(_type => ApiToken, { description: "The stored token (without its secret)." })
  apiToken!: ApiToken;
}
