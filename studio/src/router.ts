import { useEffect, useState } from "preact/hooks";

/** The current hash route, e.g. `/moderation` for `#/moderation`. */
export function useRoute(): string {
  const read = () => location.hash.replace(/^#/, "") || "/";
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    addEventListener("hashchange", onChange);
    return () => removeEventListener("hashchange", onChange);
  }, []);
  return route;
}

export function navigate(route: string): void {
  location.hash = `#${route}`;
}
