import type { Lang } from "../template.types.js";

/** The values a message names (a file, a line, a cell, a figure), by name. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** One message in both languages, as functions of its parameters. */
export type MessageTexts = Readonly<Record<Lang, (p: MessageParams) => string>>;

/** A part of the message catalogue: messages by stable code (`answers.badHeader`). */
export type MessageSection = Readonly<Record<string, MessageTexts>>;
