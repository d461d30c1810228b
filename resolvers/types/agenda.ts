import { Field, Int, ObjectType } from "type-graphql";
import { Session } from "../../entities";

/**
 * A personal agenda as GraphQL shows it. It has no id and implements no `Node`: only its secret
 * opens it.
 */
@ObjectType("Agenda", {
  description:
    "A personal agenda: sessions picked across every conference, kept without an account. Only its secret opens it; it is never listed.",
})
export class AgendaType {
  /** Internal key, for the field resolvers; never exposed. */
  id!: number;
}

/** Two sessions of an agenda that overlap in time. */
@ObjectType({
  description:
    "Two sessions of an agenda that overlap in time (of one conference or of co-located ones). Each session's startsAt and endsAt are in its own event's zone.",
})
export class AgendaClash {
  @Field(_type => Session, { description: "The session that starts first." })
  first!: Session;

  @Field(_type => Session, { description: "The session that starts while the first is on." })
  second!: Session;

  @Field(_type => Int, { description: "How long the two overlap, in minutes." })
  overlapMinutes!: number;
}

/** A new agenda with its secret. */
@ObjectType({ description: "A newly created agenda, with its secret." })
export class CreatedAgenda {
  @Field({
    description:
      "The agenda's secret (shown only this once; only a hash is kept). Pass it to agenda, addToAgenda and removeFromAgenda, and fetch /calendar/agenda/<secret>.ics. Anyone holding it can read and change the agenda.",
  })
  secret!: string;

  @Field(_type => AgendaType, { description: "The agenda, empty." })
  agenda!: AgendaType;
}
