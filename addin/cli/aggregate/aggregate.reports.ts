import fs from "node:fs/promises";
import path from "node:path";
import { issueOf } from "../../model/messages/message.catalog.js";
import { NETWORK_REPORT_MESSAGES, type NetworkReportMessageCode } from "../../model/messages/messages.network.reports.js";
import type { MessageParams } from "../../model/messages/message.types.js";
import type { Lang } from "../../model/template.types.js";
import { memberFeedback } from "../../network/network.feedback.js";
import type { NetworkAggregate, NetworkMember } from "../../network/network.types.js";
import { memberReportBytes, memberReportName } from "../../xlsx/xlsx.network.member.js";
import { BadInput, writeFileAtomic, type CliIo } from "../cli.io.js";
import { printable } from "../cli.print.js";

/** A message of the members' reports in `lang`, its parameters made printable. */
export function reportsText(code: NetworkReportMessageCode, lang: Lang, params: MessageParams = {}): string {
  const shown = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? printable(v) : v]));
  return NETWORK_REPORT_MESSAGES[code][lang](shown);
}

/**
 * `--member-reports DIR`: one workbook per member in `dir` (made when missing), named by the
 * member's code, holding its own figures beside the network's and nothing of any other member
 * (`xlsx.network.member.ts`). Returns how many were written.
 */
export async function writeMemberReports(dir: string, aggregate: NetworkAggregate, members: readonly NetworkMember[], lang: Lang, io: CliIo): Promise<number> {
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (e) {
    throw new BadInput([issueOf("networkReports.badDir", { detail: (e as NodeJS.ErrnoException).code ?? "" }, dir)]);
  }
  let count = 0;
  for (const f of memberFeedback(aggregate, members)) {
    await writeFileAtomic(path.join(dir, memberReportName(f.code)), await memberReportBytes(f, lang), io);
    count++;
  }
  return count;
}
