import { h } from "./dom";
import { STYLES } from "./styles";
import { resolveLang, stringsFor, type EmbedStrings } from "./strings";
import { hubUrl } from "./client";

/**
 * What both embeds share: a shadow root, attribute-driven reloads (batched, latest wins) and the
 * loading / empty / error states. A failure shows the error state and a console warning; it never
 * throws into the host page.
 */
export abstract class CrosstalkElement extends HTMLElement {
  protected readonly root: ShadowRoot;
  private readonly body: HTMLElement;
  private controller: AbortController | null = null;
  private scheduled = false;
  private noted: string | null = null;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent = STYLES;
    this.body = h("div", { part: "container" });
    this.root.append(style, this.body);
  }

  connectedCallback(): void {
    this.schedule();
  }

  disconnectedCallback(): void {
    this.controller?.abort();
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.schedule();
  }

  /** The language shown: the `lang` attribute's (or the page's) when the embeds have it, else English. */
  protected get shownLang(): string {
    return resolveLang(this.getAttribute("lang") || document.documentElement.lang || null).lang;
  }

  protected get strings(): EmbedStrings {
    return stringsFor(this.shownLang);
  }

  /** Says once per language, on the console, that an unknown `lang` falls back to English. */
  private noteLang(): void {
    const { note } = resolveLang(this.getAttribute("lang"));
    if (note && note !== this.noted) console.info(note);
    this.noted = note;
  }

  protected get endpoint(): string {
    return this.getAttribute("endpoint") || hubUrl("/graphql");
  }

  protected attr(name: string): string | undefined {
    const value = this.getAttribute(name);
    return value === null || value.trim() === "" ? undefined : value.trim();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      void this.reload();
    });
  }

  private async reload(): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.noteLang();
    this.setAttribute("state", "loading");
    this.show(this.status("loading", this.strings.loading));
    try {
      const content = await this.load(controller.signal);
      if (controller.signal.aborted) return;
      this.setAttribute("state", content ? "ready" : "empty");
      this.show(content ?? this.status("empty", this.emptyText()));
    } catch (err) {
      if (controller.signal.aborted) return;
      console.warn("crosstalk embed:", err);
      this.setAttribute("state", "error");
      this.show(this.status("error", this.strings.error));
    }
  }

  private status(kind: string, text: string): HTMLElement {
    return h("p", { part: `status ${kind}`, role: kind === "error" ? "alert" : "status" }, text);
  }

  private show(node: Node): void {
    if (this.attr("lang")) this.body.setAttribute("lang", this.shownLang);
    else this.body.removeAttribute("lang");
    this.body.replaceChildren(node);
  }

  protected emptyText(): string {
    return this.strings.empty;
  }

  /** Fetches and renders; null means nothing matched (the empty state). */
  protected abstract load(signal: AbortSignal): Promise<Node | null>;
}
