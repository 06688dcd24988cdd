import type { Lang } from "../template.types.js";
import { registerMessages } from "./message.catalog.js";
import type { MessageParams } from "./message.types.js";

/** « 1 étape terminée », « 2 étapes terminées » (French: 0 and 1 are singular). */
const doneFr = (n: string | number | undefined): string => (Number(n) > 1 ? `${n} étapes terminées` : `${n} étape terminée`);

/** Where the organization stands in its process steps (`QG_Steps`), as `qualigrid score` says it. */
export const STEPS_MESSAGES = registerMessages({
  "steps.next": {
    fr: (p) => `Démarche\u00a0: ${doneFr(p.done)} sur ${p.total}; prochaine étape ${p.step}, prévue le ${p.date}`,
    en: (p) => `Process: ${p.done} of ${p.total} steps completed; next step ${p.step}, planned for ${p.date}`,
  },
  "steps.nextUnplanned": {
    fr: (p) => `Démarche\u00a0: ${doneFr(p.done)} sur ${p.total}; prochaine étape ${p.step}, sans date prévue`,
    en: (p) => `Process: ${p.done} of ${p.total} steps completed; next step ${p.step}, no planned date`,
  },
  "steps.allDone": {
    fr: (p) => `Démarche\u00a0: les ${p.total} étapes sont terminées`,
    en: (p) => `Process: all ${p.total} steps completed`,
  },
  "steps.overdue": {
    fr: (p) => `Étapes en retard\u00a0: ${p.ids}`,
    en: (p) => `Overdue steps: ${p.ids}`,
  },
});

/** Codes of the section above. */
export type StepsMessageCode = keyof typeof STEPS_MESSAGES;

/** A message of the section above in `lang`. */
export function stepsText(code: StepsMessageCode, lang: Lang, params: MessageParams = {}): string {
  return STEPS_MESSAGES[code][lang](params);
}
