// SPDX-License-Identifier: GPL-3.0-or-later
// Rewrites an OpenAPI document into a temporary JSON file that Prism can use fully (the
// original stays read-only and outside the repository):
// - Prism silently accepts every request whose schema fails to compile, and Ajv refuses the
//   OpenAPI 3.0 keyword "nullable" on a schema without "type", which 3.1 documents still carry
//   next to oneOf/anyOf/$ref: it becomes the equivalent "or null".
// - Prism cannot serialise an event stream described by an object schema; where the
//   operation's own documentation has a streaming example, that example becomes the stream.
'use strict';

const fs = require('fs');
const { parse } = require('@stoplight/yaml');

function fixNullable (node) {
  if (Array.isArray(node))
    return node.map(fixNullable);
  if (node === null || typeof node !== 'object')
    return node;

  const out = {};
  for (const [key, value] of Object.entries(node))
    out[key] = fixNullable(value);

  if (out.nullable === true && !('type' in out)) {
    delete out.nullable;
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

// The documented examples list one JSON chunk per line; a real stream sends each as an event
// and ends with the "[DONE]" marker.
function streamingExample (operation) {
  const meta = operation['x-oaiMeta'];
  const examples = meta && meta.examples ? [].concat(meta.examples) : [];

  for (const example of examples) {
    const request = example.request || {};
    const curl = typeof request === 'string' ? request : request.curl || '';
    if (!/"stream":\s*true/.test(curl) || typeof example.response !== 'string')
      continue;

    const events = example.response.split('\n').filter(line => {
      try {
        return typeof JSON.parse(line) === 'object';
      } catch (e) {
        return false;
      }
    }).map(line => `data: ${line}\n\n`);
    if (events.length > 0)
      return events.join('') + 'data: [DONE]\n\n';
  }
  return null;
}

function fixEventStreams (spec) {
  for (const item of Object.values(spec.paths || {})) {
    for (const operation of Object.values(item)) {
      if (operation === null || typeof operation !== 'object' || !operation.responses)
        continue;
      for (const response of Object.values(operation.responses)) {
        const media = response.content && response.content['text/event-stream'];
        if (!media || (media.schema && media.schema.type === 'string'))
          continue;
        const example = streamingExample(operation);
        if (example !== null)
          response.content['text/event-stream'] = { schema: { type: 'string' }, example };
      }
    }
  }
  return spec;
}

if (process.argv.length !== 4) {
  console.error('usage: prism-spec-fixup.js SPEC.yaml OUT.json');
  process.exit(2);
}
const spec = parse(fs.readFileSync(process.argv[2], 'utf8'));
fs.writeFileSync(process.argv[3], JSON.stringify(fixEventStreams(fixNullable(spec))));
