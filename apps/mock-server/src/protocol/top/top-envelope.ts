/**
 * Renders TOP answers (docs/protocol.md §1.5): JSON, or XML with the `<?xml …?>` prolog, field order as given.
 * `simplify=true` drops the `<x>_response` wrapper of a JSON success; errors always stay wrapped.
 */
import type { TopError } from '../errors/top-errors.js';

export type TopFormat = 'json' | 'xml';

/** A flat TOP response: string, number, boolean or null values, in wire order. */
export type TopFields = Record<string, string | number | boolean | null>;

export const topContentTypes: Record<TopFormat, string> = {
  json: 'application/json;charset=UTF-8',
  xml: 'text/xml;charset=UTF-8',
};

const xmlProlog = '<?xml version="1.0" encoding="utf-8" ?>';

export function renderTopSuccess(
  responseKey: string,
  fields: TopFields,
  format: TopFormat,
  simplify: boolean,
): string {
  if (format === 'json') return JSON.stringify(simplify ? fields : { [responseKey]: fields });
  return xmlProlog + xmlElement(responseKey, fields);
}

export function renderTopError(error: TopError, requestId: string, format: TopFormat): string {
  const fields: TopFields = { code: error.code, msg: error.msg };
  if (error.sub_code !== undefined) fields.sub_code = error.sub_code;
  if (error.sub_msg !== undefined) fields.sub_msg = error.sub_msg;
  fields.request_id = requestId;
  if (format === 'json') return JSON.stringify({ error_response: fields });
  return xmlProlog + xmlElement('error_response', fields);
}

/** Null fields are left out of XML, as TOP's XML omits absent values. */
function xmlElement(name: string, fields: TopFields): string {
  let xml = `<${name}>`;
  for (const key in fields) {
    const value = fields[key];
    if (value === null || value === undefined) continue;
    xml += `<${key}>${typeof value === 'string' ? escapeXml(value) : String(value)}</${key}>`;
  }
  return `${xml}</${name}>`;
}

const xmlSpecial = /[&<>]/;

function escapeXml(text: string): string {
  if (!xmlSpecial.test(text)) return text;
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
