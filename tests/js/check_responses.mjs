// Validates the OpenAPI document, then recorded HTTP responses against it, for
// tests/app/openapi_test.cpp.
//
// usage: node check_responses.mjs OPENAPI.json [CASES.json]
//
// The document is checked with @apidevtools/swagger-parser (structure against the
// OpenAPI 3.x schema, every $ref resolves), then every schema in it is compiled
// with Ajv as JSON Schema 2020-12 (the OpenAPI 3.1 dialect), strict mode, and
// path templates are checked against their path parameters.
//
// CASES is a JSON array of {"path": template, "method": "get", "status": 200,
// "content_type": "...", "body": "..."}. Each JSON body is validated against the
// schema the document declares for that path, method, status and media type
// (formats included). Prints every mismatch; exits 1 if there is any.
import { readFileSync } from "node:fs";
import SwaggerParser from "@apidevtools/swagger-parser";
import Ajv2020 from "ajv/dist/2020.js";
import AjvDraft7 from "ajv";
import addFormats from "ajv-formats";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

function usage() {
  console.error("usage: node check_responses.mjs OPENAPI.json [CASES.json]");
  process.exit(2);
}

// A JSON pointer segment (RFC 6901).
const escape = (s) => String(s).replaceAll("~", "~0").replaceAll("/", "~1");

// Follows a local "$ref" (the whole object is the reference, as OpenAPI's
// Reference Object); returns [object, pointer].
function follow(doc, node, pointer) {
  const seen = new Set();
  while (node && typeof node === "object" && typeof node.$ref === "string") {
    const ref = node.$ref;
    if (!ref.startsWith("#/") || seen.has(ref)) throw new Error(`${pointer}: cannot follow ${ref}`);
    seen.add(ref);
    pointer = ref.slice(1);
    node = ref
      .slice(2)
      .split("/")
      .map((s) => decodeURIComponent(s).replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce((o, key) => (o == null ? undefined : o[key]), doc);
  }
  return [node, pointer];
}

// One Ajv that knows the whole document under DOC_ID, so that a schema at any
// pointer of it compiles with its "#/components/..." references resolved.
const DOC_ID = "urn:capdev:openapi";

function makeAjv(doc) {
  const version = String(doc.openapi);
  const options = {
    allErrors: true,
    strict: true,
    allowUnionTypes: true, // 3.1 writes nullable as "type": ["string", "null"]
  };
  // OpenAPI 3.1 schemas are JSON Schema 2020-12; 3.0 ones a draft-04/07 dialect
  // (Ajv's default draft-07 is the closest it has).
  const ajv = version.startsWith("3.1") ? new Ajv2020(options) : new AjvDraft7(options);
  addFormats(ajv);
  // Formats the OpenAPI specification defines on top of JSON Schema's.
  ajv.addFormat("int32", { type: "number", validate: (n) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat("int64", { type: "number", validate: (n) => Number.isInteger(n) });
  ajv.addFormat("float", { type: "number", validate: () => true });
  ajv.addFormat("double", { type: "number", validate: () => true });
  ajv.addFormat("password", true);
  // Keywords of the OpenAPI dialect (annotations here), and the top-level
  // fields of the document itself, so that it can be registered as a schema.
  ajv.addVocabulary(["discriminator", "xml", "externalDocs", "example"]);
  if (!version.startsWith("3.1")) ajv.addVocabulary(["nullable"]);
  const topLevel = Object.keys(doc).filter((k) => !ajv.getKeyword(k) && !k.startsWith("$"));
  ajv.addVocabulary(topLevel);
  ajv.addSchema({ ...doc, $id: DOC_ID });
  return ajv;
}

// Every schema location of the document: components, parameters, bodies, responses, headers.
function* schemaPointers(doc) {
  for (const name of Object.keys(doc.components?.schemas ?? {})) {
    yield `/components/schemas/${escape(name)}`;
  }
  const inContent = function* (content, at) {
    for (const [media, m] of Object.entries(content ?? {})) {
      if (m?.schema !== undefined) yield `${at}/content/${escape(media)}/schema`;
    }
  };
  const inHeaders = function* (headers, at) {
    for (const [name, h] of Object.entries(headers ?? {})) {
      if (h?.schema !== undefined) yield `${at}/headers/${escape(name)}/schema`;
    }
  };
  for (const [kind, items] of Object.entries(doc.components ?? {})) {
    if (kind === "schemas") continue;
    for (const [name, item] of Object.entries(items ?? {})) {
      const at = `/components/${escape(kind)}/${escape(name)}`;
      if (item?.schema !== undefined) yield `${at}/schema`;
      yield* inContent(item?.content, at);
      yield* inHeaders(item?.headers, at);
    }
  }
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const p = `/paths/${escape(path)}`;
    for (const [i, prm] of (item.parameters ?? []).entries()) {
      if (prm?.schema !== undefined) yield `${p}/parameters/${i}/schema`;
    }
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const o = `${p}/${method}`;
      for (const [i, prm] of (op.parameters ?? []).entries()) {
        if (prm?.schema !== undefined) yield `${o}/parameters/${i}/schema`;
      }
      yield* inContent(op.requestBody?.content, `${o}/requestBody`);
      for (const [status, r] of Object.entries(op.responses ?? {})) {
        yield* inContent(r?.content, `${o}/responses/${escape(status)}`);
        yield* inHeaders(r?.headers, `${o}/responses/${escape(status)}`);
      }
    }
  }
}

// What the OpenAPI schema does not say but the specification requires: unique
// operationIds, and each {name} of a path template declared as a path
// parameter (and no path parameter that the template lacks).
function checkSpec(doc) {
  const problems = [];
  const operationIds = new Map();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const inTemplate = new Set([...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]));
    const pathLevel = (item.parameters ?? []).map((p) => follow(doc, p, "")[0]);
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const where = `${method.toUpperCase()} ${path}`;
      if (op.operationId !== undefined) {
        if (operationIds.has(op.operationId)) {
          problems.push(`${where}: operationId ${op.operationId} is also ${operationIds.get(op.operationId)}`);
        }
        operationIds.set(op.operationId, where);
      }
      const params = new Map();
      for (const p of [...pathLevel, ...(op.parameters ?? []).map((p) => follow(doc, p, "")[0])]) {
        params.set(`${p.in}:${p.name}`, p);
      }
      const declared = new Set([...params.values()].filter((p) => p.in === "path").map((p) => p.name));
      for (const name of inTemplate) {
        if (!declared.has(name)) problems.push(`${where}: path parameter {${name}} is not declared`);
      }
      for (const name of declared) {
        if (!inTemplate.has(name)) problems.push(`${where}: path parameter ${name} is not in the template`);
        if (params.get(`path:${name}`).required !== true) {
          problems.push(`${where}: path parameter ${name} must be required`);
        }
      }
    }
  }
  return problems;
}

async function validateDocument(doc) {
  const problems = [];
  try {
    // It dereferences what it is given: hand it a copy.
    await SwaggerParser.validate(structuredClone(doc));
  } catch (error) {
    problems.push(`swagger-parser: ${error.message}`);
  }
  let ajv;
  try {
    ajv = makeAjv(doc);
  } catch (error) {
    problems.push(`ajv: ${error.message}`);
    return { problems };
  }
  // A broken component breaks every schema that refers to it: report each
  // message once, at the first place it shows up (components come first).
  const reported = new Set();
  for (const pointer of schemaPointers(doc)) {
    try {
      ajv.getSchema(`${DOC_ID}#${pointer}`) ?? problems.push(`${pointer}: not found`);
    } catch (error) {
      if (!reported.has(error.message)) problems.push(`${pointer}: ${error.message}`);
      reported.add(error.message);
    }
  }
  problems.push(...checkSpec(doc));
  return { ajv, problems };
}

// The response object for a status: exact code, then "4XX"-style range, then default.
function responseFor(operation, status) {
  const responses = operation.responses ?? {};
  for (const key of [String(status), `${String(status)[0]}XX`, "default"]) {
    if (responses[key] !== undefined) return [responses[key], key];
  }
  return [undefined, undefined];
}

function checkCases(doc, ajv, cases) {
  let failures = 0;
  for (const c of cases) {
    const where = `${c.method.toUpperCase()} ${c.path} ${c.status}`;
    const fail = (message) => {
      console.log(`${where}: ${message}`);
      failures += 1;
    };
    const operation = doc.paths?.[c.path]?.[c.method];
    if (operation === undefined) {
      fail("not in the document");
      continue;
    }
    const [declared, key] = responseFor(operation, c.status);
    if (declared === undefined) {
      fail("status not documented");
      continue;
    }
    const [response, at] = follow(
      doc,
      declared,
      `/paths/${escape(c.path)}/${c.method}/responses/${escape(key)}`,
    );
    const media = (c.content_type ?? "").split(";")[0].trim().toLowerCase();
    const content = response.content ?? {};
    if (!(media in content)) {
      if (c.body) fail(`content type ${media || "(none)"} not documented`);
      continue;
    }
    if (!/[/+]json$/.test(media) || content[media].schema === undefined) continue;
    let body;
    try {
      body = JSON.parse(c.body);
    } catch (error) {
      fail(`body is not JSON: ${error.message}`);
      continue;
    }
    const validate = ajv.getSchema(`${DOC_ID}#${at}/content/${escape(media)}/schema`);
    if (!validate(body)) {
      for (const e of validate.errors.slice(0, 3)) {
        const detail = e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : "";
        console.log(`${where}: ${e.instancePath || "/"}: ${e.message}${detail}`.slice(0, 400));
      }
      if (validate.errors.length > 3) console.log(`${where}: ... ${validate.errors.length - 3} more`);
      failures += 1;
    }
  }
  console.log(`responses checked: ${cases.length - failures} match, ${failures} do not`);
  return failures;
}

async function main() {
  const [documentFile, casesFile] = process.argv.slice(2);
  if (!documentFile || process.argv.length > 4) usage();
  const doc = JSON.parse(readFileSync(documentFile, "utf8"));
  const { ajv, problems } = await validateDocument(doc);
  for (const p of problems) console.log(`document: ${p}`);
  if (problems.length) {
    console.log(`document ${documentFile}: ${problems.length} problem(s)`);
    process.exit(1);
  }
  console.log(`document: valid OpenAPI ${doc.openapi}`);
  if (!casesFile) return;
  const cases = JSON.parse(readFileSync(casesFile, "utf8"));
  process.exit(checkCases(doc, ajv, cases) ? 1 : 0);
}

await main();
