// Lists the optional dependencies that package-lock.json names but does not
// lock (the registry lacked them when the lock was written: other platforms'
// native builds). `npm ci` refuses such a lock; `npm install` installs the
// same locked versions. Prints one "package → missing optional" line per gap
// and exits 1 when there are any, 0 when `npm ci` can use the lock.
// Plain Node, no dependencies: it runs before anything is installed.
import fs from "node:fs";

const lock = JSON.parse(fs.readFileSync(new URL("../../package-lock.json", import.meta.url), "utf8"));
const packages = lock.packages ?? {};
const gaps = [];
for (const [where, entry] of Object.entries(packages)) {
  for (const name of Object.keys(entry.optionalDependencies ?? {})) {
    // npm looks for a dependency next to its dependant first, then up the tree.
    const candidates = [];
    for (let dir = where; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf("/node_modules")))) {
      candidates.push(`${dir ? `${dir}/` : ""}node_modules/${name}`);
      if (!dir) break;
    }
    if (!candidates.some((c) => c in packages)) gaps.push(`${where.replace(/^.*node_modules\//, "") || "(root)"} → ${name}`);
  }
}
for (const gap of gaps) console.log(gap);
process.exit(gaps.length > 0 ? 1 : 0);
