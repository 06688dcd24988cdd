import { matchKey } from "./text.match.js";

/**
 * Which columns of a survey export are never copied (design.md "Rounds, comparison and report":
 * respondents stay anonymous). Microsoft Forms puts its metadata before the questions — « ID »,
 * « Heure de début », « Heure de fin », « Adresse de messagerie », « Nom », « Heure de la dernière
 * modification » (ID, Start time, Completion time, Email, Name, Last modified time) — and a quiz adds
 * its points and feedback; other tools (Google Forms, SurveyMonkey, LimeSurvey) name theirs alike.
 * Headers are compared as `matchKey` writes them (case, accents, spaces and punctuation set aside).
 */

/** Why a column is not copied. */
export type SkippedColumnReason = "metadata" | "personal";

/** Headers of the metadata columns (times, ids, scores): not answers. */
const METADATA = [
  "ID",
  "Id de réponse",
  "ID de réponse",
  "Response ID",
  "Respondent ID",
  "Collector ID",
  "Heure de début",
  "Heure de fin",
  "Heure d'achèvement",
  "Heure de la dernière modification",
  "Dernière modification",
  "Start time",
  "Completion time",
  "End time",
  "Last modified time",
  "Start date",
  "End date",
  "Date de début",
  "Date de fin",
  "Date submitted",
  "Submitted at",
  "Submit date",
  "Horodateur",
  "Horodatage",
  "Timestamp",
  "Total des points",
  "Total points",
  "Commentaires sur le questionnaire",
  "Quiz feedback",
  "Commentaires sur le test",
  "Last page",
  "Dernière page",
  "Start language",
  "Custom Data 1",
  "Custom data",
].map(matchKey);

/** Headers of columns that name a person or reach them: never copied, not even counted. */
const PERSONAL = [
  "Nom",
  "Name",
  "Prénom",
  "First name",
  "Last name",
  "Nom de famille",
  "Nom complet",
  "Full name",
  "Adresse de messagerie",
  "Adresse courriel",
  "Courriel",
  "Adresse e-mail",
  "Adresse électronique",
  "E-mail",
  "Email",
  "Email address",
  "E-mail address",
  "Nom d'utilisateur",
  "Username",
  "User name",
  "IP Address",
  "Adresse IP",
  "Téléphone",
  "Phone",
  "Phone number",
  "Numéro de téléphone",
].map(matchKey);

/** Forms' quiz columns per question: « Points - Q1 », « Commentaires - Q1 », "Feedback - Q1". */
const QUIZ_PREFIX = /^(points|commentaires|feedback)\s*[-–—:]\s/i;

/** An e-mail address: a column whose answers hold one is personal, whatever its header. */
const EMAIL = /[^\s@<>(),;:]+@[^\s@<>(),;:]+\.[a-z]{2,}/i;

/** Why the column headed `header` is not copied, or null for a question. */
export function skippedColumnReason(header: string): SkippedColumnReason | null {
  const key = matchKey(header);
  if (key === "") return null;
  if (PERSONAL.includes(key)) return "personal";
  if (METADATA.includes(key) || QUIZ_PREFIX.test(header.trim())) return "metadata";
  return null;
}

/** Whether an answer holds an e-mail address (the column is then personal data, never copied). */
export function holdsEmail(answer: string): boolean {
  return EMAIL.test(answer);
}
