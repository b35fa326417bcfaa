import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { blueprintSchema, type Blueprint } from "@/lib/content/schema";

export const CURRENT_BLUEPRINT_ID = "amftrb-2020";

const cache = new Map<string, Blueprint>();

/** A versioned exam blueprint from content/blueprints/<id>.yaml. */
export function getBlueprint(id: string = CURRENT_BLUEPRINT_ID, root: string = process.cwd()): Blueprint {
  const hit = cache.get(id);
  if (hit) return hit;
  const file = path.join(root, "content", "blueprints", `${id}.yaml`);
  const blueprint = blueprintSchema.parse(YAML.parse(fs.readFileSync(file, "utf8")));
  cache.set(id, blueprint);
  return blueprint;
}

export function domainName(domain: number, blueprint: Blueprint = getBlueprint()): string {
  return blueprint.domains.find((d) => d.id === domain)?.name ?? `Domain ${domain}`;
}
