/**
 * Reading a CSV's bytes in the encoding it shows now lives in the engine (`model/text.decode.ts`),
 * so that the task pane's survey import decodes a CSV as the command line does.
 */
export { bomOf, decodeTextFile, encodingNamed, type DecodedText, type TextEncoding } from "../model/text.decode.js";
