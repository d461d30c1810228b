import type { Duplex } from "node:stream";
import type { IncomingMessage } from "node:http";
import { Role } from "../../entities";
import { bearer, gid, issueToken } from "../editorial/helpers";
import { ADMIN, until, useStudio, watchLive } from "./harness";

// The program board's live updates in Chromium: a graphql-ws subscription signed in by the session
// cookie; when the socket drops, polling as a fallback, then a reconnection that catches up.

jest.setTimeout(120_000);

const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

describe("Studio live board in Chromium", () => {
  const studio = useStudio("studio_live_board");

  it("when the socket drops it polls until it reconnects, then stops polling and hears changes again; nothing is missed", async () => {
    const server = studio.server;
    const { token } = await issueToken(server, Role.EDITOR, "live board");
    const id = await gid(server, "session", "introduction-to-git");
    const [{ title }] = await server.db.dataSource.query(
      "SELECT title FROM session WHERE slug = 'introduction-to-git'",
    );
    const moveTo = async (room: string) => {
      const read = await server.gql(
        `query ($id: ID!) { node(id: $id) { ... on Session { version } } }`,
        { id },
      );
      const res = await server.gql(
        `mutation ($input: UpdateSessionInput!) { updateSession(input: $input) { room } }`,
        { input: { id, version: read.data!.node.version, room } },
        bearer(token),
      );
      expect(res.errors).toBeUndefined();
    };

    // The hub's raw upgrade sockets, so the test can drop one; while `blocked`, upgrades fail.
    const upgrades: Duplex[] = [];
    let blocked = false;
    const onUpgrade = (_req: IncomingMessage, socket: Duplex) => {
      if (blocked) socket.destroy();
      else upgrades.push(socket);
    };
    server.app.httpServer.prependListener("upgrade", onUpgrade);
    try {
      const watcher = await studio.newPage();
      await studio.signIn(watcher, ADMIN);
      const seen = watchLive(watcher);
      await watcher.goto(`${server.url}/studio/#/board/pyworks-2008`);
      await watcher.locator("table.board .card", { hasText: title }).waitFor();
      await until(async () => seen.subscribed, 1);
      expect(seen.sockets).toEqual([`${server.url.replace(/^http/, "ws")}/graphql`]);
      await pause(1000);
      seen.versions = 0;

      // The connection drops and cannot come back: the board falls back to polling the versions,
      // and a change made meanwhile still reaches it.
      blocked = true;
      upgrades.splice(0).forEach(socket => socket.destroy());
      await until(async () => seen.versions >= 2, true, 20_000);
      await moveTo("Fallback Room");
      await watcher
        .locator("td[data-room='Fallback Room'] .card", { hasText: title })
        .waitFor({ timeout: 20_000 });

      // The hub takes connections again: the board reconnects and subscribes anew by itself, and
      // then polls nothing.
      blocked = false;
      await until(async () => seen.subscribed, 2, 30_000);
      expect(seen.sockets.length).toBeGreaterThanOrEqual(2);
      await pause(1000);
      seen.versions = 0;
      seen.sessions = 0;
      const heard = seen.changes;
      await pause(5000);
      expect({ versions: seen.versions, sessions: seen.sessions }).toEqual({
        versions: 0,
        sessions: 0,
      });

      // A change now arrives over the new connection.
      await moveTo("Socket Room");
      await watcher
        .locator("td[data-room='Socket Room'] .card", { hasText: title })
        .waitFor({ timeout: 20_000 });
      expect(seen.changes).toBeGreaterThan(heard);
      expect(seen.sessions).toBeGreaterThan(0);
      await studio.check(watcher, "board-live");
    } finally {
      server.app.httpServer.off("upgrade", onUpgrade);
    }
  });
});
