/**
 * Estimates of Office.js request sizes. A request carries one JSON action per property set or
 * method call, one JSON object path per proxy object, and the values being set (docs:
 * "Payload size limit best practices", learn.microsoft.com/office/dev/add-ins/excel/performance).
 * The estimates count the values' JSON exactly (UTF-8 bytes) and a generous fixed cost for the
 * rest, so they stay above what Office.js really sends.
 */

/** Bytes of one action (property set or method call) around its arguments. */
export const ACTION_BYTES = 160;
/** Bytes of one object path (a `getRange`, `getItem`… proxy). */
export const OBJECT_BYTES = 140;

/** UTF-8 length of a string, without allocating (the add-in runs in browsers: no `Buffer`). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 bytes of a value's JSON. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "null");
}
