// Building OData queries from untrusted text: quote-escaping, then percent-encoding (the Graph client does not encode).

/** OData string literal: a quote inside is doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A $filter or other query value, encoded for the URL. */
export function queryValue(expression: string): string {
  return encodeURIComponent(expression);
}

/** One path segment (a UPN may contain '#' or '/'), encoded. */
export function pathSegment(value: string): string {
  return encodeURIComponent(value);
}
