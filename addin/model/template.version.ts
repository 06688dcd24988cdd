import semver from "semver";

/** Why a template may not replace a workbook's template without being forced. */
export type UpgradeRefusal =
  /** The new template has another id: it is a different framework. */
  | "otherTemplate"
  /** The new version is older than or equal to the workbook's. */
  | "notHigher";

/** A version as semver; one that is not semver ("2", "v1.3") is read as the semver it starts with ("2.0.0"). */
function version(v: string): string | null {
  return semver.valid(v) ?? semver.valid(semver.coerce(v));
}

/** Whether `next` declares it takes the place of the template `id` (its `replaces`, case-insensitively). */
export function replacesTemplate(next: { replaces?: readonly string[] }, id: string): boolean {
  const key = id.toLowerCase();
  return (next.replaces ?? []).some((r) => r.toLowerCase() === key);
}

/**
 * Whether `next` may replace `current` as a workbook's template: null when it is the same template
 * (ids compared case-insensitively) in a higher version, or a template whose `replaces` names the
 * workbook's (its successor under a new id: whatever its version, it takes that one's place); else
 * the reason it needs forcing.
 */
export function upgradeRefusal(
  current: { id: string; version: string },
  next: { id: string; version: string; replaces?: readonly string[] },
): UpgradeRefusal | null {
  if (current.id.toLowerCase() !== next.id.toLowerCase()) return replacesTemplate(next, current.id) ? null : "otherTemplate";
  const a = version(current.version);
  const b = version(next.version);
  return a !== null && b !== null && semver.gt(b, a) ? null : "notHigher";
}
