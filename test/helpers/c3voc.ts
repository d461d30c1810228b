import fs from "node:fs";
import path from "node:path";
import Ajv, { type ErrorObject } from "ajv";
import addFormats from "ajv-formats";
import draft06 from "ajv/dist/refs/json-schema-draft-06.json";
import { validateXML } from "xmllint-wasm";

// The c3voc schedule validators, vendored under test/fixtures/c3voc (see its README).
const FIXTURES = path.join(__dirname, "..", "fixtures", "c3voc");

/** A validator for the c3voc schedule JSON schema (draft-06), with the formats it uses. */
export function scheduleJsonValidator(): (doc: unknown) => ErrorObject[] {
  const schema = JSON.parse(fs.readFileSync(path.join(FIXTURES, "schema.json"), "utf8"));
  // Strict about the schema itself (unknown keywords and formats fail), not about its typing style.
  const ajv = new Ajv({
    allErrors: true,
    strictSchema: true,
    strictTypes: false,
    allowUnionTypes: true,
  });
  ajv.addMetaSchema(draft06);
  addFormats(ajv);
  // The schema uses a CSS colour format that ajv-formats does not define: `#rrggbb` or `#rgb`.
  ajv.addFormat("color", /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/);
  // Notes the schema's authors left in it; they validate nothing.
  ajv.addKeyword("$oneOf");
  ajv.addKeyword("$todo");
  const validate = ajv.compile(schema);
  return doc => (validate(doc) ? [] : [...(validate.errors ?? [])]);
}

/** Validates schedule XML against the c3voc `schedule.xml.xsd` with libxml2 (xmllint, as wasm). */
export async function scheduleXmlErrors(xml: string): Promise<string[]> {
  const xsd = fs.readFileSync(path.join(FIXTURES, "schedule.xml.xsd"), "utf8");
  const result = await validateXML({
    xml: [{ fileName: "schedule.xml", contents: xml }],
    schema: [xsd],
  });
  return result.errors.map(e => e.message);
}
