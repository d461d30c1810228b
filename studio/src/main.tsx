import { render } from "preact";
import { Provider } from "@urql/preact";
import { App } from "./app";
import { createClient } from "./client";
import "./studio.css";

render(
  <Provider value={createClient()}>
    <App />
  </Provider>,
  document.getElementById("app")!,
);
