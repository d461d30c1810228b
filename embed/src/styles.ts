/**
 * The embeds' shadow styles. Partners theme them with custom properties (inherited through the shadow
 * boundary) and ::part() selectors; nothing here leaks into the host page.
 */
export const STYLES = `
:host {
  display: block;
  font: var(--crosstalk-font, inherit);
  color: var(--crosstalk-color, inherit);
  background: var(--crosstalk-background, transparent);
}
:host([hidden]) { display: none; }
[part~="list"], [part~="speaker-list"] { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--crosstalk-gap, 0.75em); }
[part~="session"] {
  padding: var(--crosstalk-padding, 0.6em 0.8em);
  border: 1px solid var(--crosstalk-border-color, rgba(127, 127, 127, 0.35));
  border-radius: var(--crosstalk-radius, 6px);
  background: var(--crosstalk-card-background, transparent);
}
[part~="title"] { font-weight: 600; margin: 0 0 0.2em; font-size: 1.05em; }
[part~="title"] a { color: var(--crosstalk-link-color, var(--crosstalk-accent, #2456a6)); text-decoration: none; }
[part~="title"] a:hover { text-decoration: underline; }
[part~="meta"], [part~="speakers"], [part~="audiences"] { color: var(--crosstalk-muted-color, #555); font-size: 0.92em; margin: 0.1em 0; }
[part~="marker"] {
  display: inline-block; margin: 0.3em 0 0; padding: 0.1em 0.5em; border-radius: 999px; font-size: 0.85em; font-weight: 600;
  color: var(--crosstalk-marker-color, #fff); background: var(--crosstalk-marker-background, var(--crosstalk-accent, #2456a6));
}
[part~="day-heading"] { font-size: 1.1em; margin: 1em 0 0.5em; }
[part~="grid"] { display: grid; grid-template-columns: repeat(auto-fit, minmax(var(--crosstalk-column-width, 14em), 1fr)); gap: var(--crosstalk-gap, 0.75em); }
[part~="room-heading"] { font-size: 1em; margin: 0 0 0.4em; color: var(--crosstalk-muted-color, #555); }
[part~="status"] { color: var(--crosstalk-muted-color, #555); font-style: italic; margin: 0.5em 0; }
[part~="error"] { color: var(--crosstalk-error-color, #a12); }
`;
