import { registerMessages } from "./message.catalog.js";

const NB = "\u00a0";

/** The members' reports of a network's aggregate (`qualigrid aggregate --member-reports`). */
export const NETWORK_REPORT_MESSAGES = registerMessages({
  "networkReports.help": {
    fr: () => "écrit dans ce dossier un classeur par membre, nommé par son code (ses chiffres à côté de ceux du réseau)",
    en: () => "write into this folder one workbook per member, named by its code (its figures beside the network's)",
  },
  "networkReports.written": {
    fr: (p) => `${p.count} rapport(s) de membre écrit(s) dans ${p.dir}.`,
    en: (p) => `${p.count} member report(s) written to ${p.dir}.`,
  },
  "networkReports.badDir": {
    fr: (p) => `le dossier des rapports ne peut pas être créé${NB}: ${p.detail}`,
    en: (p) => `the reports folder cannot be created: ${p.detail}`,
  },
});

/** A code of the members' reports section. */
export type NetworkReportMessageCode = keyof typeof NETWORK_REPORT_MESSAGES;
