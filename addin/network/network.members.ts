import type { MemberScan, NetworkMember, SkippedInput } from "./network.types.js";

/** The reason given for a workbook that is not its organization's latest (design.md). */
export const OLDER_ROUND = "older round or copy";

/**
 * The network's members from the workbooks read: one per organization code (`codeOf`, a keyed
 * hash the caller supplies, so this runs anywhere), its workbook with the latest assessment date
 * (a workbook without a date is older than any dated one; between equals, the first file in
 * name order). The others are skipped as « older round or copy ».
 */
export function pickMembers(scans: readonly MemberScan[], codeOf: (scan: MemberScan) => string): { members: NetworkMember[]; skipped: SkippedInput[] } {
  const byCode = new Map<string, MemberScan[]>();
  for (const s of [...scans].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const code = codeOf(s);
    const list = byCode.get(code);
    if (list) list.push(s);
    else byCode.set(code, [s]);
  }
  const members: NetworkMember[] = [];
  const skipped: SkippedInput[] = [];
  for (const [code, list] of byCode) {
    let best = list[0] as MemberScan;
    for (const s of list.slice(1)) if ((s.date ?? "") > (best.date ?? "")) best = s;
    members.push({ code, scan: best });
    for (const s of list) if (s !== best) skipped.push({ file: s.file, reason: OLDER_ROUND });
  }
  members.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { members, skipped };
}
