import { parallaxPackage } from './package-root.js';

/** The version of the installed Parallax package (from its package.json), written into reports. */
export function packageVersion(): string {
  return parallaxPackage().version;
}
