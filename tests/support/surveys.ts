// Survey exports made for the tests, as Microsoft Forms writes them (an .xlsx with its metadata
// columns first: ID, start and end times, e-mail, name, last modified) and as CSV (comma or
// semicolon; UTF-8, UTF-8 with BOM, or Windows-1252). Answers follow fixed patterns, so that each
// test can count them by hand.
import ExcelJS from "exceljs";
import iconv from "iconv-lite";

/** A survey export: header texts and one row per response. */
export interface SurveyExport {
  headers: string[];
  rows: string[][];
}

/** Forms' metadata headers, in French and in English. */
export const FORMS_METADATA = {
  fr: ["ID", "Heure de début", "Heure de fin", "Adresse de messagerie", "Nom", "Heure de la dernière modification"],
  en: ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"],
} as const;

/** Each question: its header in French and English, and the answers given in turn (response i gets `answers[i % length]`; "" is blank). */
export const QUESTIONS = [
  {
    fr: "Je me sens bien accueilli",
    en: "I feel welcome",
    // Agreement, five levels, with a blank: 3 of 7 non-blank answers are in the top two.
    answers: {
      fr: ["Tout à fait d'accord", "Plutôt d'accord", "", "Ni d'accord ni en désaccord", "Plutôt en désaccord", "Pas du tout d'accord", "PLUTÔT D’ACCORD", "Plutôt en désaccord"],
      en: ["Strongly agree", "Agree", "", "Neither agree nor disagree", "Disagree", "Strongly disagree", "agree", "Disagree"],
    },
  },
  {
    fr: "Satisfaction générale",
    en: "Overall satisfaction",
    // Satisfaction, four levels, gendered spellings: 3 of 4 in the top two.
    answers: {
      fr: ["Très satisfaite", "Satisfait(e)", "Très insatisfait", "Satisfait"],
      en: ["Very satisfied", "Satisfied", "Very dissatisfied", "Satisfied"],
    },
  },
  {
    fr: "Le personnel vous écoute",
    en: "Staff listen to you",
    // Frequency, five levels: 2 of 5 in the top two.
    answers: { fr: ["Toujours", "Parfois", "Rarement", "Jamais", "Souvent"], en: ["Always", "Sometimes", "Rarely", "Never", "Often"] },
  },
  {
    fr: "Service utilisé",
    en: "Service used",
    // A choice question, not on a scale.
    answers: { fr: ["Accueil", "Hébergement", "Accueil", "Repas"], en: ["Reception", "Housing", "Reception", "Meals"] },
  },
  {
    fr: "Moyens de contact",
    en: "Ways of contact",
    // Multiple choice, joined with « ; » as Forms writes it.
    answers: { fr: ["Téléphone;Courriel;", "Téléphone;", "En personne;Téléphone;", "Courriel;"], en: ["Phone;Email;", "Phone;", "In person;Phone;", "Email;"] },
  },
  {
    fr: "Vos commentaires",
    en: "Your comments",
    // Free text: each answer its own (the response's number is put in it), some blank.
    answers: { fr: ["Merci pour l'accueil chaleureux, réponse #", "", "Les repas pourraient être meilleurs, réponse #"], en: ["Thanks for the warm welcome, response #", "", "Meals could be better, response #"] },
  },
] as const;

/** The answer of response `i` (0-based) to question `q` in `lang`. */
export function answerOf(q: number, i: number, lang: "fr" | "en"): string {
  const pattern = QUESTIONS[q]?.answers[lang] as readonly string[];
  const a = pattern[i % pattern.length] ?? "";
  return a.endsWith("#") ? `${a}${i + 1}` : a;
}

/** The name and e-mail of response `i`: they must never reach a workbook. */
export function personOf(i: number): { name: string; email: string } {
  return { name: `Gisèle Tremblay-${i + 1}`, email: `gisele.tremblay${i + 1}@exemple.qc.ca` };
}

/** A Forms-like export of `n` responses, in `lang`. */
export function formsExport(n: number, lang: "fr" | "en"): SurveyExport {
  const headers = [...FORMS_METADATA[lang], ...QUESTIONS.map((q) => q[lang])];
  const rows = Array.from({ length: n }, (_, i) => {
    const p = personOf(i);
    const day = `2026-03-${String((i % 28) + 1).padStart(2, "0")}`;
    return [String(i + 1), `${day} 09:00:00`, `${day} 09:05:00`, p.email, p.name, `${day} 09:05:00`, ...QUESTIONS.map((_, q) => answerOf(q, i, lang))];
  });
  return { headers, rows };
}

/** An export as a Forms .xlsx: one sheet, the header on row 1, start and end times as dates. */
export async function exportXlsx(e: SurveyExport): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  ws.addRow(e.headers);
  for (const r of e.rows) ws.addRow(r.map((v, i) => (i === 1 || i === 2 ? new Date(`${v.replace(" ", "T")}Z`) : v === "" ? null : v)));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** An export as CSV text, fields quoted when they need it. */
export function exportCsv(e: SurveyExport, separator: "," | ";"): string {
  const field = (v: string): string => (/[",;\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [e.headers, ...e.rows].map((r) => r.map(field).join(separator)).join("\r\n") + "\r\n";
}

/** CSV text as bytes: UTF-8, UTF-8 with BOM, or Windows-1252. */
export function csvBytes(text: string, encoding: "utf-8" | "utf-8-bom" | "windows-1252"): Uint8Array {
  if (encoding === "windows-1252") return new Uint8Array(iconv.encode(text, "windows-1252"));
  const body = new TextEncoder().encode(text);
  if (encoding === "utf-8") return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}
