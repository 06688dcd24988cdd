/**
 * The key a word typed by a person is matched by: lower case, without accents, spaces or
 * punctuation, « œ » as "oe" (« Non amorcé », "non-amorce" and "NON AMORCE" share `nonamorce`;
 * « Mise en œuvre » and "mise en oeuvre" share `miseenoeuvre`). A word made only of punctuation
 * (a label such as "+" or "--") keeps it, so that it still means something.
 */
export function matchKey(text: string): string {
  const plain = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase("fr")
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae");
  const key = plain.replace(/[^\p{L}\p{N}]/gu, "");
  return key !== "" ? key : plain.replace(/\s/gu, "");
}
