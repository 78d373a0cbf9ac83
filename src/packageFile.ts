/**
 * Files that ship beside the code (package.json, data/), found from the package root, so the same
 * module reads them whether it runs from src/ through tsx or from the build in dist/src/: a path
 * relative to the module itself would point at a different directory in each.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(): string {
  // The nearest directory above this module that holds package.json. The build writes none of
  // its own into dist/, so from src/ and from dist/src/ alike this is the package root.
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return dirname(start);
  }
}

/** The directory holding package.json, data/ and (when built) dist/. */
export const PACKAGE_ROOT = findPackageRoot();

/** A path under the package root, e.g. `packageFile('package.json')`. */
export function packageFile(relative: string): string {
  return join(PACKAGE_ROOT, relative);
}
