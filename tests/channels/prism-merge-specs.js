// SPDX-License-Identifier: GPL-3.0-or-later
// Merges OpenAPI documents that describe one server (LINE publishes its Messaging API, audience
// and insight endpoints as separate files on the same host) into one, so a single Prism serves
// and validates them all. A component whose name is taken by a different one is renamed (and
// the references to it in its own document); paths must not clash.
// Prism's validator ignores OpenAPI discriminators, so a LINE message of an unknown type or a
// Flex component missing its required members would pass: every use of a discriminated base
// schema (not the allOf by which its subtypes extend it) becomes a oneOf over its mapping.
// A request body whose schema is a oneOf of overlapping alternatives refuses valid requests
// (Mastodon's TextStatus and MediaStatus both match a status with text and media, which the
// server accepts): request bodies' top-level oneOf becomes anyOf.
// Usage: node prism-merge-specs.js OUT.json SPEC…
'use strict';

const fs = require('fs');
const { parse } = require('@stoplight/yaml');

const [out, ...specs] = process.argv.slice(2);
let merged = null;

// Replaces every reference "#/components/KIND/NAME" for the keys of @renames.
function rewriteRefs (node, renames) {
  if (Array.isArray(node))
    return node.map(item => rewriteRefs(item, renames));
  if (node === null || typeof node !== 'object')
    return node;
  const out = {};
  for (const [key, value] of Object.entries(node))
    out[key] = key === '$ref' && value in renames ? renames[value] : rewriteRefs(value, renames);
  return out;
}

function renameClashes (spec, index) {
  const renames = {};
  for (const [kind, entries] of Object.entries(spec.components || {})) {
    const known = merged.components[kind] || {};
    for (const [name, value] of Object.entries(entries)) {
      if (name in known && JSON.stringify(known[name]) !== JSON.stringify(value)) {
        const fresh = `${name}_${index}`;
        renames[`#/components/${kind}/${name}`] = `#/components/${kind}/${fresh}`;
        entries[fresh] = value;
        delete entries[name];
      }
    }
  }
  return rewriteRefs(spec, renames);
}

for (const [index, file] of specs.entries()) {
  let spec = parse(fs.readFileSync(file, 'utf8'));
  if (merged === null) {
    merged = spec;
    merged.paths = merged.paths || {};
    merged.components = merged.components || {};
    continue;
  }
  spec = renameClashes(spec, index);
  for (const [path, item] of Object.entries(spec.paths || {})) {
    if (path in merged.paths)
      throw new Error(`${file}: path ${path} is already defined`);
    merged.paths[path] = item;
  }
  for (const [kind, entries] of Object.entries(spec.components || {})) {
    merged.components[kind] = merged.components[kind] || {};
    for (const [name, value] of Object.entries(entries)) {
      merged.components[kind][name] = value;
    }
  }
}
function replaceUses (node, dispatch, inAllOf) {
  if (Array.isArray(node))
    return node.map(item => replaceUses(item, dispatch, inAllOf));
  if (node === null || typeof node !== 'object')
    return node;
  if (!inAllOf && typeof node.$ref === 'string' && node.$ref in dispatch)
    return Object.assign({}, node, { $ref: dispatch[node.$ref] });
  const out = {};
  for (const [key, value] of Object.entries(node))
    out[key] = replaceUses(value, dispatch, key === 'allOf');
  return out;
}

function checkDiscriminators (spec) {
  const schemas = spec.components.schemas || {};
  const dispatch = {};
  const checked = {};

  for (const [name, schema] of Object.entries(schemas)) {
    const discriminator = schema.discriminator;
    if (!discriminator || !discriminator.mapping)
      continue;
    const property = discriminator.propertyName;
    checked[`${name}__checked`] = {
      oneOf: Object.entries(discriminator.mapping).map(([value, target]) => ({
        type: 'object',
        required: [property],
        properties: { [property]: { type: 'string', enum: [value] } },
        allOf: [{ $ref: target }],
      })),
    };
    dispatch[`#/components/schemas/${name}`] = `#/components/schemas/${name}__checked`;
  }
  const result = replaceUses(spec, dispatch, false);
  Object.assign(result.components.schemas, checked);
  return result;
}

function relaxRequestBodies (spec) {
  for (const item of Object.values(spec.paths)) {
    for (const operation of Object.values(item)) {
      const content = operation && operation.requestBody && operation.requestBody.content;
      for (const media of Object.values(content || {})) {
        if (media.schema && media.schema.oneOf) {
          media.schema.anyOf = media.schema.oneOf;
          delete media.schema.oneOf;
        }
      }
    }
  }
  return spec;
}

fs.writeFileSync(out, JSON.stringify(relaxRequestBodies(checkDiscriminators(merged))));
