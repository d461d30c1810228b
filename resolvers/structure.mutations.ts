import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver, UseMiddleware } from "type-graphql";
import { Conference, ConferenceSeries, Role, Room, Track } from "../entities";
import type { AppContext } from "../src/graphql/context";
import { RefreshLoaders } from "../src/graphql/refresh-loaders";
import {
  CreateConferenceSeriesInput,
  CreateRoomInput,
  CreateTrackInput,
  UpdateRoomInput,
  UpdateTrackInput,
} from "./types/structure";

/** Series, tracks and rooms: EDITOR or ADMIN. */
@Resolver()
@UseMiddleware(RefreshLoaders)
export class StructureMutations {
  @Authorized(Role.EDITOR)
  @Mutation(_returns => ConferenceSeries, { description: "Creates a conference series. EDITOR." })
  createConferenceSeries(
    @Arg("input", _type => CreateConferenceSeriesInput, { description: "The new series." })
    input: CreateConferenceSeriesInput,
    @Ctx() ctx: AppContext,
  ): Promise<ConferenceSeries> {
    return ctx.services.editorial.structure.createSeries(ctx, input);
  }

  @Authorized(Role.EDITOR)
  @Mutation(_returns => Conference, {
    description:
      "Makes a conference an edition of a series (null: of none), if it is still at the version you read. EDITOR.",
  })
  setConferenceSeries(
    @Arg("conference", _type => ID, { description: "The conference." }) conference: string,
    @Arg("series", _type => ID, { nullable: true, description: "The series, or null." })
    series: string | null,
    @Arg("version", _type => Int, { description: "The conference's version you read." })
    version: number,
    @Ctx() ctx: AppContext,
  ): Promise<Conference> {
    return ctx.services.editorial.structure.setConferenceSeries(ctx, conference, series, version);
  }

  @Authorized(Role.EDITOR)
  @Mutation(_returns => Track, { description: "Adds a track to a conference's program. EDITOR." })
  createTrack(
    @Arg("input", _type => CreateTrackInput, { description: "The new track." })
    input: CreateTrackInput,
    @Ctx() ctx: AppContext,
  ): Promise<Track> {
    return ctx.services.editorial.structure.createTrack(ctx, input);
  }

  @Authorized(Role.EDITOR)
  @Mutation(_returns => Track, { description: "Changes a track's name or colour. EDITOR." })
  updateTrack(
    @Arg("input", _type => UpdateTrackInput, { description: "The changes." })
    input: UpdateTrackInput,
    @Ctx() ctx: AppContext,
  ): Promise<Track> {
    return ctx.services.editorial.structure.updateTrack(ctx, input);
  }

  @Authorized(Role.EDITOR)
  @Mutation(_returns => Room, {
    description:
      "Adds a room to the venue of a conference (CONFLICT if the name is taken). EDITOR.",
  })
  createRoom(
    @Arg("input", _type => CreateRoomInput, { description: "The new room." })
    input: CreateRoomInput,
    @Ctx() ctx: AppContext,
  ): Promise<Room> {
    return ctx.services.editorial.structure.createRoom(ctx, input);
  }

  @Authorized(Role.EDITOR)
  @Mutation(_returns => Room, {
    description:
      "Changes a room's name, capacity or position. A new name is copied onto the room's sessions, each recorded as a schedule change of that session. EDITOR.",
  })
  updateRoom(
    @Arg("input", _type => UpdateRoomInput, { description: "The changes." })
    input: UpdateRoomInput,
    @Ctx() ctx: AppContext,
  ): Promise<Room> {
    return ctx.services.editorial.structure.updateRoom(ctx, input);
  }
}
