import { IsEmail, IsEnum, Length } from "class-validator";
import { Field, InputType, ObjectType } from "type-graphql";
import { Account, Role } from "../../entities";
import { DateTimeScalar } from "../../src/core/scalars";
import { ScopeFields } from "./scope";

/** Whom to invite. */
@InputType({ description: "An editor or admin to invite to the Studio." })
export class InviteAccountInput extends ScopeFields implements Partial<Account> {
  @Field({ description: "The address they will sign in with." })
  @IsEmail({}, { message: "email must be an email address" })
  @Length(3, 254)
  email!: string;

  @Field({ description: "The name shown to other editors (1 to 100 characters)." })
  @Length(1, 100)
  displayName!: string;

  @Field(_type => Role, { description: "What the account may do." })
  @IsEnum(Role)
  role!: Role;
}

/** A new invitation with its one-time secret. */
@ObjectType({ description: "An invited account, with its one-time invitation link." })
export class InvitedAccount {
  @Field(_type => Account, {
    description: "The account, waiting for its holder to set a password.",
  })
  account!: Account;

  @Field({
    description:
      "The invitation's secret. It is shown only this once; it works once, until inviteExpiresAt.",
  })
  inviteToken!: string;

  @Field({
    description:
      "The path of the invitation link on this hub (`/studio/#/invite/<token>`); prefix the hub's origin.",
  })
  invitePath!: string;
}

/** The result of signing in. */
@ObjectType({ description: "A new Studio session; the session cookie is set on the response." })
export class SignInPayload {
  @Field(_type => Account, { description: "The account signed in." })
  account!: Account;

  @Field(_type => DateTimeScalar, {
    description: "When the session ends unless signed out sooner.",
  })
  expiresAt!: Date;
}
