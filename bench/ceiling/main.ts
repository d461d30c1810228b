import { createCeiling } from "./server";

/** Runs the ceiling as its own process: CEILING_DATABASE_URL, PORT and HOST from the environment. */
async function main(): Promise<void> {
  const url = process.env.CEILING_DATABASE_URL;
  if (!url) throw new Error("CEILING_DATABASE_URL is required");
  const ceiling = await createCeiling(url);
  const port = Number(process.env.PORT ?? 4100);
  await new Promise<void>(resolve =>
    ceiling.server.listen(port, process.env.HOST ?? "127.0.0.1", resolve),
  );
  const stop = () => void ceiling.close().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
