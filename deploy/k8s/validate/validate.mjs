// Validates rendered Kubernetes manifests offline (deploy/scripts/k8s-validate.sh renders them).
//   node validate.mjs <rendered.yaml>...
// Each object: the Kubernetes schema of its kind (kubernetes-models: types, required fields,
// enums), no unknown field (strict-fields.mjs), the operators' custom resources by their rules
// (custom-resources.mjs); then across objects: every name one object uses for another (Secret,
// ConfigMap, PVC, Service, Deployment, container port) exists in the same render. Any problem:
// printed, exit 1. An object of a kind with nothing to check it against is a problem too.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { declarationOf, objectMetaDeclaration, unknownFields } from "./strict-fields.mjs";
import { customResources, check } from "./custom-resources.mjs";
import { crossReferences } from "./cross-references.mjs";

const problems = [];
const objects = [];
for (const file of process.argv.slice(2)) {
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (doc.errors.length) { problems.push(`${file}: ${doc.errors[0].message}`); continue; }
    const object = doc.toJS();
    if (object) objects.push({ file, object });
  }
}
if (objects.length === 0) problems.push("no objects to validate");

for (const { file, object } of objects) {
  const { apiVersion, kind, metadata } = object;
  const where = `${file}: ${kind ?? "?"} ${metadata?.name ?? "?"}`;
  if (!apiVersion || !kind || !metadata?.name) { problems.push(`${where}: apiVersion, kind and metadata.name are required`); continue; }
  const rule = customResources[`${apiVersion} ${kind}`];
  if (rule) {
    problems.push(...check(object.spec ?? null, rule, "spec").map(p => `${where}: ${p}`));
    problems.push(...unknownFields(object.metadata, objectMetaDeclaration, "metadata").map(p => `${where}: ${p}`));
    continue;
  }
  const declaration = declarationOf(apiVersion, kind);
  if (!declaration) { problems.push(`${where}: no schema for ${apiVersion} ${kind}`); continue; }
  const models = await import(`kubernetes-models/${apiVersion}`);
  try {
    new models[kind](object).validate();
  } catch (error) {
    problems.push(`${where}: ${error.message}`);
  }
  problems.push(...unknownFields(object, declaration).map(p => `${where}: ${p}`));
}
// Each render must be whole by itself.
for (const file of new Set(objects.map(o => o.file)))
  problems.push(...crossReferences(objects.filter(o => o.file === file).map(o => o.object)).map(p => `${file}: ${p}`));

for (const problem of problems) console.error(`INVALID ${problem}`);
console.log(`${objects.length} objects checked, ${problems.length} problem(s)`);
process.exit(problems.length ? 1 : 0);
