import type { Lang } from "../template.types.js";
import type { MessageParams } from "./message.types.js";
import { messageText, registerMessages } from "./message.catalog.js";

const NB = "\u00a0";
const q = (v: unknown): string => `«${NB}${String(v)}${NB}»`;

/** The report sheet a message names: « Rapport » or « Rapport de visite », by the `visit` parameter. */
const which = (p: MessageParams, lang: Lang): string =>
  p.visit ? (lang === "fr" ? "le rapport de visite" : "the visit report") : lang === "fr" ? "le rapport" : "the report";

/**
 * `qualigrid report` (design.md "Rounds, comparison and report"): its help texts, what it says when
 * the PDF is written, and what it refuses (LibreOffice missing or failing, a workbook without a
 * report or without the evaluator's review, an output that is not a PDF).
 */
export const REPORT_MESSAGES = registerMessages({
  "report.help": {
    fr: () => `écrit le rapport du classeur (feuille «${NB}Rapport${NB}», ou «${NB}Rapport de visite${NB}» avec --visit) en PDF, par LibreOffice${NB}; le classeur n'est pas modifié`,
    en: () => `writes the workbook's report (the "Report" sheet, or "Visit report" with --visit) as a PDF, through LibreOffice; the workbook is not changed`,
  },
  "report.help.output": { fr: () => "le fichier PDF à écrire", en: () => "the PDF file to write" },
  "report.help.visit": {
    fr: () => "le rapport de visite de l'évaluateur externe, pour le comité qui décide, au lieu du rapport",
    en: () => "the external evaluator's visit report, for the committee that decides, instead of the report",
  },
  "report.help.paper": {
    fr: () => `le format du papier${NB}: letter (par défaut, le format du Québec et de l'Amérique du Nord) ou a4 (France, Europe)`,
    en: () => "the paper size: letter (the default, North America's and Québec's) or a4 (France, Europe)",
  },
  "report.help.overwrite": { fr: () => "remplace le fichier PDF s'il existe déjà", en: () => "replaces the PDF file if it already exists" },
  "report.done": {
    fr: (p) => `${which(p, "fr").replace(/^l/, "L")} est écrit dans ${p.file} (${p.pages} ${Number(p.pages) > 1 ? "pages" : "page"}, ${p.paper}).`,
    en: (p) => `${which(p, "en").replace(/^t/, "T")} is written to ${p.file} (${p.pages} ${Number(p.pages) === 1 ? "page" : "pages"}, ${p.paper}).`,
  },
  "report.noLibreOffice": {
    fr: (p) =>
      `LibreOffice est nécessaire pour écrire le PDF${NB}: ${p.command} (Debian/Ubuntu), ou téléchargez-le sur libreoffice.org. Dans Excel, le rapport s'exporte par Fichier › Exporter › PDF.`,
    en: (p) =>
      `LibreOffice is needed to write the PDF: ${p.command} (Debian/Ubuntu), or download it from libreoffice.org. In Excel, the report is exported with File › Export › PDF.`,
  },
  "report.sofficeNotExecutable": {
    fr: (p) => `la variable d'environnement SOFFICE nomme ${p.path}, qui n'est pas un programme exécutable${NB}: corrigez-la ou retirez-la`,
    en: (p) => `the SOFFICE environment variable names ${p.path}, which is not an executable program: correct it or remove it`,
  },
  "report.failed": {
    fr: (p) =>
      p.reason === "timeout"
        ? `LibreOffice n'a pas écrit le PDF en ${p.detail}${NB}s${NB}: il a été arrêté. Réessayez${NB}; si cela se répète, ouvrez le classeur dans LibreOffice ou Excel et exportez ${which(p, "fr")} en PDF.`
        : p.reason === "exit"
          ? `LibreOffice n'a pas pu écrire le PDF (code de sortie ${p.detail})${NB}: ${p.output}`
          : `LibreOffice s'est terminé sans écrire le PDF${NB}: ${p.output}`,
    en: (p) =>
      p.reason === "timeout"
        ? `LibreOffice did not write the PDF within ${p.detail} s: it was stopped. Try again; if it happens again, open the workbook in LibreOffice or Excel and export ${which(p, "en")} to PDF.`
        : p.reason === "exit"
          ? `LibreOffice could not write the PDF (exit code ${p.detail}): ${p.output}`
          : `LibreOffice ended without writing the PDF: ${p.output}`,
  },
  "report.noOutput": { fr: () => "(aucun message de LibreOffice)", en: () => "(no message from LibreOffice)" },
  "report.output.notPdf": { fr: () => "le fichier à écrire doit être un .pdf", en: () => "the output must be a .pdf file" },
  "report.noSheet": {
    fr: (p) => `ce classeur n'a pas de feuille ${q(p.sheet)} (un classeur sans tableau de bord n'a pas de rapport)`,
    en: (p) => `this workbook has no "${p.sheet}" sheet (a workbook without a dashboard has no report)`,
  },
  "report.noReview": {
    fr: (p) =>
      `le classeur ne contient aucune revue de l'évaluateur externe (aucune cotation de l'évaluateur, aucune preuve revue)${NB}: le rapport de visite n'aurait rien à montrer. Inscrivez la revue avec ${q(`qualigrid review ${String(p.file)}`)}, puis recommencez.`,
    en: (p) =>
      `the workbook holds no review by the external evaluator (no evaluator rating, no evidence reviewed): the visit report would have nothing to show. Record the review with "qualigrid review ${p.file}", then try again.`,
  },
});

/** A code of this section. */
export type ReportMessageCode = keyof typeof REPORT_MESSAGES;

/** A text of this section in `lang`. */
export function reportText(code: ReportMessageCode, lang: Lang, params: MessageParams = {}): string {
  return messageText(code, params, lang) ?? code;
}
