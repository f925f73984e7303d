/**
 * TOP answers with structure (the TMC methods answer lists of messages): JSON, or XML with the `<?xml …?>`
 * prolog, in the shape TOP gives lists — `{"messages":{"tmc_message":[…]}}` in JSON, repeated
 * `<tmc_message>` elements inside `<messages>` in XML. Int64 values (`bigint`) are written as JSON numbers
 * with every digit, as the platform writes them. Errors keep the one `error_response` renderer of TOP.
 */
/** A value in a TOP answer; an array is a list of elements named by the key that holds it. */
export type TopAnswerValue =
  | string
  | number
  | bigint
  | boolean
  | null
  | readonly TopAnswerValue[]
  | { readonly [key: string]: TopAnswerValue };

/** Named fields, in wire order. */
export type TopAnswerFields = { readonly [key: string]: TopAnswerValue };

const xmlProlog = '<?xml version="1.0" encoding="utf-8" ?>';

/** A success: `{"<responseKey>": fields}` (JSON; `simplify` drops the wrapper) or its XML. */
export function renderTopAnswer(
  responseKey: string,
  fields: TopAnswerFields,
  format: 'json' | 'xml',
  simplify: boolean,
): string {
  if (format === 'json') return jsonText(simplify ? fields : { [responseKey]: fields });
  return xmlProlog + xmlElement(responseKey, fields);
}

function jsonText(value: TopAnswerValue): string {
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (isList(value)) return `[${value.map(jsonText).join(',')}]`;
  let text = '';
  for (const key in value) {
    const entry = value[key];
    if (entry === undefined) continue;
    text += `${text === '' ? '' : ','}${JSON.stringify(key)}:${jsonText(entry)}`;
  }
  return `{${text}}`;
}

/** Null fields are left out of XML, as TOP's XML omits absent values. */
function xmlElement(name: string, value: TopAnswerValue): string {
  if (value === null) return '';
  if (typeof value !== 'object') return `<${name}>${escapeXml(String(value))}</${name}>`;
  if (isList(value)) return value.map((item) => xmlElement(name, item)).join('');
  let xml = '';
  for (const key in value) {
    const entry = value[key];
    if (entry !== undefined) xml += xmlElement(key, entry);
  }
  return `<${name}>${xml}</${name}>`;
}

function isList(value: object): value is readonly TopAnswerValue[] {
  return Array.isArray(value);
}

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
