// Types of chromium.mjs, for the tests.
import type { Browser } from "playwright-core";

export const CHROMIUM_PATH: string;
/** The shell command that installs Chromium on Debian/Ubuntu. */
export const CHROMIUM_INSTALL_HINT: string;
/** Chromium's flags: headless, in a container, and no network of its own. */
export const CHROMIUM_ARGS: readonly string[];

/** Chromium's path when it is installed and executable, else null. */
export function findChromium(): string | null;

/** Launches Debian's Chromium, headless. */
export function launchChromium(): Promise<Browser>;

/** A static file server on 127.0.0.1. */
export interface StaticServer {
  /** The base URL, ending with "/". */
  url: string;
  /** Paths the server was asked for, in order. */
  served: string[];
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 at a random port, with correct content types and no caching. */
export function serveDirectory(dir: string): Promise<StaticServer>;

/** Whether `url` stays on this machine (a local address, or data:/blob:/about:). */
export function isLocalUrl(url: string): boolean;
