import { CrosstalkElement } from "./base";
import { runOperation } from "./client";
import { fillUrl, h } from "./dom";

interface SpeakerData {
  slug: string;
  name: string;
  affiliation: string | null;
}

/** `<crosstalk-speakers conference=… | community=…>`: the speakers of a program or community. */
export class CrosstalkSpeakers extends CrosstalkElement {
  static observedAttributes = [
    "conference",
    "community",
    "limit",
    "lang",
    "person-url",
    "endpoint",
  ];

  protected override emptyText(): string {
    return this.strings.noSpeakers;
  }

  protected async load(signal: AbortSignal): Promise<Node | null> {
    const filter: Record<string, unknown> = { isSpeaker: true };
    for (const name of ["conference", "community"]) {
      const value = this.attr(name);
      if (value) filter[name] = value;
    }
    const limit = Math.min(Math.max(Number(this.attr("limit") ?? 100) || 100, 1), 100);
    const data = await runOperation<{ people: { nodes: SpeakerData[] } }>(
      this.endpoint,
      "CrosstalkSpeakers",
      { filter, first: limit },
      signal,
    );
    const people = data.people.nodes;
    if (!people.length) return null;
    const template = this.attr("person-url");
    return h(
      "ul",
      { part: "speaker-list" },
      people.map(p => {
        const href = template ? fillUrl(template, p.slug, document.baseURI) : undefined;
        return h(
          "li",
          { part: "speaker", "data-slug": p.slug },
          href ? h("a", { href, part: "name link" }, p.name) : h("span", { part: "name" }, p.name),
          p.affiliation ? h("span", { part: "affiliation" }, ` · ${p.affiliation}`) : null,
        );
      }),
    );
  }
}
