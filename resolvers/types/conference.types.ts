import { Field, Int, ObjectType } from "type-graphql";
import { Community, Conference, Person, Session, Topic } from "../../entities";
import { DateScalar } from "../../src/core/scalars";
import { Connection } from "./connection";

@ObjectType({ description: "Where a conference takes place." })
export class Venue {
  @Field({ description: "Name of the venue, e.g. a hotel or conference centre." })
  name!: string;

  @Field({ description: "City." })
  city!: string;

  @Field({ description: "ISO 3166-1 alpha-2 country code, e.g. `US`." })
  country!: string;
}

export const ConferenceConnection = Connection(Conference, "Conference", "conferences");
export const SessionConnection = Connection(Session, "Session", "sessions");
export const PersonConnection = Connection(Person, "Person", "people");
export const CommunityConnection = Connection(Community, "Community", "communities");
export const TopicConnection = Connection(Topic, "Topic", "topics");

@ObjectType({ description: "Counts that describe a conference." })
export class ConferenceStats {
  @Field(_type => Int, { description: "Sessions in the program." })
  sessionCount!: number;

  @Field(_type => Int, {
    description: "Program sessions whose audiences span more than one root community.",
  })
  crossCommunitySessionCount!: number;

  @Field(_type => Int, { description: "Distinct people speaking in the program." })
  speakerCount!: number;

  @Field(_type => Int, { nullable: true, description: "Reported attendance, when known." })
  attendance!: number | null;
}

@ObjectType({ description: "One day of a conference, in the conference's time zone." })
export class ConferenceDay {
  @Field(_type => DateScalar, { description: "The calendar date, in the conference's time zone." })
  date!: string;

  @Field(_type => [Session], {
    description: "The program's sessions that overlap this day, earliest first.",
  })
  sessions!: Session[];
}

@ObjectType({
  description: "Counts that describe a community, including the communities below it.",
})
export class CommunityStats {
  @Field(_type => Int, { description: "Sessions aimed at this community or one below it." })
  sessionCount!: number;

  @Field(_type => Int, {
    description: "Of those, sessions whose audiences span more than one root community.",
  })
  crossCommunitySessionCount!: number;

  @Field(_type => Int, { description: "Conferences serving this community or one below it." })
  conferenceCount!: number;

  @Field(_type => Int, { description: "Published articles about this community or one below it." })
  articleCount!: number;

  @Field(_type => Int, {
    description: "People speaking at sessions for this community or one below it.",
  })
  speakerCount!: number;
}
