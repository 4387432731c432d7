// Checks Kubernetes manifests offline against the API schemas of the npm package kubernetes-models:
// first its validators (types, enums, required fields), then every key against the fields the
// schema declares, since those validators let unknown keys through: a misspelled
// `imagePulPolicy` or `backoffLimitPerIndx` would otherwise pass here and be dropped by the API
// server without a word.
// Usage: node check-manifests.mjs <folder holding node_modules/kubernetes-models> < documents.json
// where documents.json is [{ "file": ..., "document": {...} }, ...].
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const modules = join(process.argv[2], "node_modules");
const roots = [join(modules, "kubernetes-models"), join(modules, "@kubernetes-models", "apimachinery")];

// Every interface of the packages' declaration files: canonical name -> { field -> field type }.
// A field type is the name of another interface, { array: name }, { map: name } or null (a leaf).
const interfaces = new Map();
function typeOf(text) {
  let m;
  if ((m = /^(I[A-Za-z0-9]+)$/.exec(text))) return m[1];
  if ((m = /^Array<(I[A-Za-z0-9]+)>$/.exec(text))) return { array: m[1] };
  return null;
}
function readDeclarations(file) {
  const lines = readFileSync(file, "utf8").split("\n");
  const local = new Map();
  let current = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    let m;
    if ((m = /^export interface (I[A-Za-z0-9]+)\b.*\{$/.exec(line))) {
      current = new Map();
      local.set(m[1], current);
    } else if (current && line === "}") {
      current = null;
    } else if (current && (m = /^    "([^"]+)"\??: (.*);?$/.exec(line))) {
      let text = m[2].replace(/;$/, "");
      if (text === "{") {
        // A map: `{ [key: string]: T; }` over the next lines.
        const value = /^\s+\[key: string\]: (.*);$/.exec(lines[i + 1]);
        const named = value ? typeOf(value[1]) : null;
        current.set(m[1], typeof named === "string" ? { map: named } : null);
        while (i < lines.length && lines[i] !== "    };") i++;
      } else {
        current.set(m[1], typeOf(text));
      }
    } else if ((m = /^export type \{ (I[A-Za-z0-9]+) as (I[A-Za-z0-9]+)/.exec(line)) && local.has(m[1])) {
      interfaces.set(m[2], local.get(m[1]));
    }
  }
}
function walk(folder) {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith(".d.ts")) readDeclarations(path);
  }
}
roots.forEach(walk);

function unknownKeys(value, type, path, problems) {
  if (value === null || typeof value !== "object" || type === null || type === undefined) return;
  if (typeof type === "object" && "array" in type) {
    if (Array.isArray(value)) value.forEach((item, i) => unknownKeys(item, type.array, `${path}[${i}]`, problems));
    return;
  }
  if (typeof type === "object" && "map" in type) {
    for (const [key, item] of Object.entries(value)) unknownKeys(item, type.map, `${path}.${key}`, problems);
    return;
  }
  const fields = interfaces.get(type);
  if (!fields) return;
  for (const [key, item] of Object.entries(value)) {
    if (!fields.has(key)) {
      problems.push(`${path}.${key}: no such field (${path} takes ${[...fields.keys()].join(", ")})`);
    } else {
      unknownKeys(item, fields.get(key), `${path}.${key}`, problems);
    }
  }
}

const documents = JSON.parse(readFileSync(0, "utf8"));
let failures = 0;
for (const { file, document } of documents) {
  const { apiVersion, kind } = document;
  const where = `${file}: ${kind} ${document.metadata?.name ?? "(no name)"}`;
  const modulePath = join(roots[0], apiVersion, `${kind}.js`);
  let model;
  try {
    model = (await import(pathToFileURL(modulePath).href))[kind];
  } catch {
    console.error(`${where}: kubernetes-models has no ${apiVersion} ${kind}`);
    failures++;
    continue;
  }
  const problems = [];
  try {
    new model(document).validate();
  } catch (error) {
    problems.push(error.message);
  }
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "core";
  const declaration = readFileSync(join(roots[0], apiVersion, `${kind}.d.ts`), "utf8");
  const canonical = new RegExp(`export type \\{ I${kind} as (I[A-Za-z0-9]+)`).exec(declaration)?.[1];
  if (!canonical || !interfaces.has(canonical)) {
    problems.push(`no field list for ${group} ${kind} in kubernetes-models`);
  } else {
    unknownKeys(document, canonical, kind, problems);
  }
  for (const problem of problems) console.error(`${where}: ${problem}`);
  failures += problems.length;
}
if (failures > 0) process.exit(1);
console.log(`${documents.length} manifests match the Kubernetes schemas (${interfaces.size} types known)`);
