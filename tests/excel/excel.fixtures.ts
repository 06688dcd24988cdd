import { parseTemplate } from "../../addin/model/template.parse.js";
import type { Template } from "../../addin/model/template.types.js";

/** Texts that a spreadsheet would evaluate or coerce if they were typed: every one must stay text. */
export const HOSTILE_TEXTS = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://example.invalid","clic")',
  "+SUM(1,2)",
  "+33",
  "-x",
  "-12",
  "@SUM(A1:A2)",
  "'quoted already",
  "1.1",
  "00123",
  "2024-05-01",
  "TRUE",
  "#N/A",
  " 12",
  "50%",
  "12:30",
  "janv. 2024",
] as const;

/** A template whose every text field is hostile, ids included where the schema allows it. */
export const HOSTILE: Template = ((): Template => {
  const r = parseTemplate({
    id: "hostile",
    version: "1.0.0",
    title: "=cmd|' /C calc'!A0",
    source: "+SUM(1,2)",
    scale: { levels: [{ value: 1, label: "@bas" }, { value: 2, label: "-haut" }], notApplicable: true },
    target: 50,
    targetLevel: 2,
    dimensions: [
      {
        id: "D1",
        title: "=1+1",
        criteria: HOSTILE_TEXTS.map((text, i) => ({ id: `C${i}`, text, guidance: HOSTILE_TEXTS[(i + 3) % HOSTILE_TEXTS.length], evidence: HOSTILE_TEXTS[(i + 7) % HOSTILE_TEXTS.length] })),
      },
      { id: "TRUE", title: "#N/A", criteria: [{ id: "Q1", text: "-x" }] },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
})();
