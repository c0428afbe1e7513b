// Unknown-field check for the built-in kinds. The kubernetes-models validators check types and
// required fields but, like the API server's own schemas, accept any extra key, so a misspelt
// "readinesProbe" would pass them and be dropped silently by the cluster. The package's type
// declarations (.d.ts) list every field of every type; this walks an object along them.
import { readFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const here = dirname(new URL(import.meta.url).pathname);
const modules = join(here, "node_modules");
const cache = new Map();

/** The fields of the main interface in a .d.ts file: name -> { ref: file of its type, kind: object|array|map|leaf }. */
function fieldsOf(file) {
  if (cache.has(file)) return cache.get(file);
  const text = readFileSync(file, "utf8").replace(/^[ \t]*\/\*\*[\s\S]*?\*\/[ \t]*\n/gm, "");
  const imports = new Map();
  for (const m of text.matchAll(/import \{ (\w+) \} from "([^"]+)";/g)) imports.set(m[1], m[2]);
  const body = text.match(/export interface \w+(?: extends [\w, ]+)? \{\n([\s\S]*?)\n\}/);
  if (!body) { cache.set(file, null); return null; }
  const fields = new Map();
  // Top-level members are indented four spaces; a map's "[key: string]: T" sits deeper.
  for (const m of body[1].matchAll(/^ {4}"([^"]+)"\??: ([\s\S]*?);$(?=\n {4}"|\n?$)/gm)) {
    const [, name, type] = m;
    const ident = type.match(/\b(I[A-Z]\w+)\b/)?.[1];
    const kind = type.includes("[key: string]") ? "map" : type.startsWith("Array<") ? "array" : ident ? "object" : "leaf";
    fields.set(name, { kind, ref: ident && imports.has(ident) ? resolveImport(file, imports.get(ident)) : null });
  }
  cache.set(file, fields);
  return fields;
}

function resolveImport(from, spec) {
  const path = spec.startsWith(".") ? resolve(dirname(from), spec) : join(modules, spec);
  const file = path.replace(/\.js$/, "") + ".d.ts";
  return existsSync(file) ? file : null;
}

/** Every unknown field path in <object>, whose type is declared in <file>. */
export function unknownFields(object, file, path = "") {
  const fields = fieldsOf(file);
  if (!fields || object === null || typeof object !== "object" || Array.isArray(object)) return [];
  const problems = [];
  for (const [key, value] of Object.entries(object)) {
    const field = fields.get(key);
    const at = path ? `${path}.${key}` : key;
    if (!field) { problems.push(`${at}: unknown field`); continue; }
    if (!field.ref) continue;
    if (field.kind === "array" && Array.isArray(value))
      value.forEach((item, i) => problems.push(...unknownFields(item, field.ref, `${at}[${i}]`)));
    else if (field.kind === "map" && value && typeof value === "object")
      for (const [k, v] of Object.entries(value)) problems.push(...unknownFields(v, field.ref, `${at}.${k}`));
    else if (field.kind === "object") problems.push(...unknownFields(value, field.ref, at));
  }
  return problems;
}

/** The .d.ts of a built-in kind, e.g. apps/v1 Deployment -> kubernetes-models/apps/v1/Deployment.d.ts. */
export function declarationOf(apiVersion, kind) {
  const file = join(modules, "kubernetes-models", apiVersion, `${kind}.d.ts`);
  return existsSync(file) ? file : null;
}

/** The .d.ts of ObjectMeta, for the metadata of custom resources. */
export const objectMetaDeclaration = join(modules, "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta.d.ts");
