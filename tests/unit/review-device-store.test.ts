import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { allWaitingGrades, clearDeviceStore, keepRejected, readOutbox, readQueue, removeAnswered, removeFromOutbox, setSignedInUser, signedInUser, takeRejected, writeOutbox } from "@/lib/srs/device-store";

// The device's IndexedDB store, on fake-indexeddb (an in-memory IndexedDB that follows the spec).
const rejection = (id: string) => ({ id, status: "rejected" as const, reason: "before-last-review" as const, message: `Grade ${id} came after a newer review.` });
const grade = (id: string) => ({ id, cardId: "c1", rating: 3, durationMs: 1000 });

describe("the device store", () => {
  it("keeps refusals from background sends for the next screen, shows each once, per learner", async () => {
    await keepRejected("u1", [rejection("g1")]);
    await keepRejected("u1", [rejection("g2")]);
    await keepRejected("u2", [rejection("other")]);
    await keepRejected("u1", []);
    expect((await takeRejected("u1")).map((r) => r.id)).toEqual(["g1", "g2"]);
    expect(await takeRejected("u1")).toEqual([]);
    expect((await takeRejected("u2")).map((r) => r.id)).toEqual(["other"]);
  });

  it("counts every learner's waiting grades, and sign-out's clear leaves nothing", async () => {
    await writeOutbox("u1", [grade("a"), grade("b")]);
    await writeOutbox("u2", [grade("c")]);
    await setSignedInUser("u1");
    await keepRejected("u1", [rejection("g3")]);
    expect((await allWaitingGrades()).map((g) => g.id).sort()).toEqual(["a", "b", "c"]);
    await clearDeviceStore();
    expect(await allWaitingGrades()).toEqual([]);
    expect(await readOutbox("u1")).toEqual([]);
    expect(await readQueue("u1")).toBeUndefined();
    expect(await signedInUser()).toBeUndefined();
    expect(await takeRejected("u1")).toEqual([]);
  });
});

describe("an empty outbox", () => {
  it("is no record at all, whether written empty or emptied by the server's answers", async () => {
    await clearDeviceStore();
    await writeOutbox("u3", [grade("x"), grade("y")]);
    await removeFromOutbox("u3", new Set(["x"]));
    expect((await readOutbox("u3")).map((g) => g.id)).toEqual(["y"]);
    await removeFromOutbox("u3", new Set(["y"]));
    await writeOutbox("u4", []);
    const { openDeviceDb } = await import("@/lib/srs/device-store");
    expect(await (await openDeviceDb()).count("outbox")).toBe(0);
  });
});

describe("sign-out's send", () => {
  it("removes the grades the server answered from every learner's outbox, keeping the rest", async () => {
    await clearDeviceStore();
    await writeOutbox("u5", [grade("p"), grade("q")]);
    await writeOutbox("u6", [grade("r")]);
    await removeAnswered(new Set(["p", "r"]));
    expect((await readOutbox("u5")).map((g) => g.id)).toEqual(["q"]);
    expect(await readOutbox("u6")).toEqual([]);
    expect((await allWaitingGrades()).map((g) => g.id)).toEqual(["q"]);
    await removeAnswered(new Set(["q"]));
    const { openDeviceDb } = await import("@/lib/srs/device-store");
    expect(await (await openDeviceDb()).count("outbox")).toBe(0);
  });
});
