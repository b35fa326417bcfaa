import { describe, expect, it } from "vitest";
import { DEFAULT_SERVER_HEAP_MB, serverHeapMb, serverNodeFlags } from "../../scripts/lib/server-heap";

describe("the server's heap limit", () => {
  it("defaults to a limit, and takes a larger one or none", () => {
    expect(serverNodeFlags(undefined)).toEqual([`--max-old-space-size=${DEFAULT_SERVER_HEAP_MB}`]);
    expect(serverNodeFlags(" ")).toEqual([`--max-old-space-size=${DEFAULT_SERVER_HEAP_MB}`]);
    expect(serverNodeFlags("1024")).toEqual(["--max-old-space-size=1024"]);
    expect(serverNodeFlags("0")).toEqual([]);
  });

  it("refuses values that are not a whole number of megabytes, or too small to run the app", () => {
    for (const bad of ["abc", "-1", "12.5", "64", "1e3x"]) expect(() => serverHeapMb(bad)).toThrow(/SERVER_HEAP_MB must be a whole number of megabytes/);
  });
});
