// What GraphiQL 4's markup lacks for keyboard and screen-reader users, added on the page (GraphiQL
// has no option for any of it): names for CodeMirror's input textareas, keyboard access to the
// editors' scroll boxes, a way out of the editors with Tab, and valid roles for the operation tabs. A
// MutationObserver on the page's root keeps it applied as GraphiQL creates editors (asynchronously)
// and re-renders its tabs. Every change is idempotent and writes only what differs, so the observer's
// own writes settle after one pass.

/** The part of a CodeMirror 5 instance used here (it hangs on its wrapper as `.CodeMirror`). */
interface CodeMirrorInstance {
  setOption(option: "screenReaderLabel", value: string): void;
  addKeyMap(map: Record<string, false>): void;
}

/** Each editor's name, found from the GraphiQL element that holds it. */
const EDITORS: { selector: string; names: string[] }[] = [
  { selector: ".graphiql-query-editor .CodeMirror", names: ["GraphQL query"] },
  // The variables and headers editors, in that order, share one pane (one hidden at a time).
  { selector: ".graphiql-editor-tool .CodeMirror", names: ["Variables", "Headers"] },
  { selector: ".result-window .CodeMirror", names: ["Response"] },
];

const prepared = new WeakSet<Element>();

function setAttributes(element: Element, attributes: Record<string, string | null>): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null) {
      if (element.hasAttribute(name)) element.removeAttribute(name);
    } else if (element.getAttribute(name) !== value) {
      element.setAttribute(name, value);
    }
  }
}

/**
 * Names the editor (CodeMirror's `screenReaderLabel` labels its hidden textarea), lets Tab and
 * Shift+Tab move focus on instead of indenting (CodeMirror would otherwise keep keyboard focus
 * in it; Prettify re-indents), and makes its scroll box a named, focusable region so its content
 * can be scrolled from the keyboard (axe scrollable-region-focusable).
 */
function labelEditor(wrapper: Element, name: string): void {
  const editor = (wrapper as Element & { CodeMirror?: CodeMirrorInstance }).CodeMirror;
  if (editor && !prepared.has(wrapper)) {
    prepared.add(wrapper);
    editor.setOption("screenReaderLabel", name);
    // `false` means "not CodeMirror's key": the browser's own Tab handling runs. Completion's
    // key map (Tab picks a suggestion) is added above this one while its list is open.
    editor.addKeyMap({ Tab: false, "Shift-Tab": false });
  }
  const scroller = wrapper.querySelector(":scope > .CodeMirror-scroll");
  if (scroller) {
    setAttributes(scroller, {
      tabindex: "0",
      role: "region",
      "aria-label": `${name}, scrollable view`,
    });
  }
}

/**
 * GraphiQL renders each operation tab as `li role=tab` around its own buttons (select, close):
 * interactive content inside a tab (axe nested-interactive). Moving the tab role onto the select
 * button would leave the close buttons as children a tab list may not have (axe
 * aria-required-children), so the bar becomes what it works as: a named list of operations, each
 * a select button (the open one marked `aria-current`) and a close button. The session's
 * `role=tabpanel`, labelled by the open operation's button, becomes a region with that name.
 */
function fixTabs(root: Element): void {
  for (const list of root.querySelectorAll("ul.graphiql-tabs")) {
    setAttributes(list, { role: null, "aria-label": "Operations" });
  }
  for (const item of root.querySelectorAll(".graphiql-tabs .graphiql-tab")) {
    setAttributes(item, { role: null, "aria-selected": null });
    const button = item.querySelector(":scope > .graphiql-tab-button");
    const open = item.classList.contains("graphiql-tab-active");
    if (button) setAttributes(button, { "aria-current": open ? "true" : null });
  }
  const session = root.querySelector("#graphiql-session");
  if (session) setAttributes(session, { role: "region" });
}

function apply(root: Element): void {
  for (const { selector, names } of EDITORS) {
    root.querySelectorAll(selector).forEach((wrapper, index) => {
      const name = names[index];
      if (name) labelEditor(wrapper, name);
    });
  }
  fixTabs(root);
}

/** Applies the fixes to GraphiQL inside `root` now and after each change GraphiQL makes there. */
export function keepGraphiQLAccessible(root: Element): MutationObserver {
  apply(root);
  const observer = new MutationObserver(() => apply(root));
  observer.observe(root, {
    childList: true,
    subtree: true,
    attributes: true,
    // What React re-renders on a tab when the active one changes, and what is fixed here.
    attributeFilter: ["class", "role", "aria-selected", "aria-current", "tabindex", "aria-label"],
  });
  return observer;
}
