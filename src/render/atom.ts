import type { Conference, ScheduleChange, Session } from "../../entities";
import { decodeOrNull } from "../core/global-id";
import { sessionUrl } from "./feed-ids";
import { el, renderXml, type XmlElement } from "./xml";

/** Where a conference's Atom feed of changes lives, under `publicUrl`. */
export function changesFeedUrl(publicUrl: string, slug: string): string {
  return `${publicUrl}/schedule/${encodeURIComponent(slug)}/changes.atom`;
}

const KIND_TEXT: Record<string, string> = {
  CREATED: "added",
  UPDATED: "changed",
  CANCELLED: "cancelled",
  DELETED: "removed",
};

/**
 * A conference's latest schedule changes as an Atom 1.0 feed (RFC 4287), newest first. Output
 * depends only on the data: the feed's `updated` is its newest change (or the conference's last
 * edit when it has none).
 */
export function renderChangesAtom(
  conference: Conference,
  changes: ScheduleChange[],
  sessions: Map<number, Session>,
  options: { publicUrl: string },
): string {
  const self = changesFeedUrl(options.publicUrl, conference.slug);
  const updated = changes[0]?.changedAt ?? conference.updatedAt;
  const entry = (change: ScheduleChange): XmlElement => {
    const subject = decodeOrNull(change.subjectId);
    const session = subject?.type === "Session" ? sessions.get(subject.id) : undefined;
    const oldTitle = change.fields.find(f => f.field === "title")?.oldValue;
    const name =
      subject?.type === "Conference"
        ? conference.name
        : (session?.title ?? oldTitle ?? `Session ${subject?.id ?? "?"}`);
    const fields = change.fields.map(f => f.field);
    const title =
      change.kind === "UPDATED"
        ? `${name}: ${fields.join(", ")} changed`
        : `${name} ${KIND_TEXT[change.kind] ?? change.kind.toLowerCase()}`;
    const lines = change.fields.map(
      f => `${f.field}: ${f.oldValue ?? "(none)"} → ${f.newValue ?? "(none)"}`,
    );
    return el("entry", [
      el("id", `${self}#v${change.scheduleVersion}`),
      el("title", title),
      el("updated", change.changedAt.toISOString()),
      session
        ? el("link", { rel: "alternate", href: sessionUrl(options.publicUrl, session.slug) })
        : null,
      el("category", { term: change.kind }),
      el("content", { type: "text" }, lines.join("\n") || title),
    ]);
  };
  return renderXml(
    el("feed", { xmlns: "http://www.w3.org/2005/Atom" }, [
      el("id", self),
      el("title", `${conference.name}: schedule changes`),
      el("subtitle", `Schedule version ${conference.scheduleVersion}`),
      el("updated", updated.toISOString()),
      el("link", { rel: "self", href: self }),
      el("author", [el("name", conference.organizer)]),
      el("generator", "Crosstalk"),
      ...changes.map(entry),
    ]),
  );
}
