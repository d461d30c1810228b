/** `npm run schema`: writes the SDL the code defines to schema/schema.graphql. */
import "reflect-metadata";
import fs from "node:fs";
import { printCurrentSchema, SCHEMA_FILE } from "../server/schema";

printCurrentSchema()
  .then(sdl => {
    fs.writeFileSync(SCHEMA_FILE, sdl);
    console.log(`wrote ${SCHEMA_FILE}`);
  })
  .catch(err => {
    console.error(err);
    process.exit(1);
  });
