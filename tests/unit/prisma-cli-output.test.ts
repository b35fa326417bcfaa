import { describe, expect, it } from "vitest";
import { withoutConfigNotices } from "../../scripts/db/prisma-cli";

describe("the Prisma CLI's output as Systemic passes it on", () => {
  it("drops the two config notices and keeps everything else, warnings included", () => {
    const stderr = [
      "Loaded Prisma config from prisma.config.ts.",
      "",
      "Prisma config detected, skipping environment variable loading.",
      "warn The migration 20261203 was modified after it was applied.",
    ].join("\n");
    expect(withoutConfigNotices(stderr)).toBe("warn The migration 20261203 was modified after it was applied.");
    expect(withoutConfigNotices("Loaded Prisma config from /srv/app/prisma.config.ts.\n")).toBe("");
    expect(withoutConfigNotices("Error: P1001 Can't reach database server")).toBe("Error: P1001 Can't reach database server");
  });
});
