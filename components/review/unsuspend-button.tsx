"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function UnsuspendButton({ cardId }: { cardId: string }) {
  const router = useRouter();
  const [state, setState] = useState<"idle" | "pending" | "failed">("idle");
  return (
    <div className="flex items-center gap-2">
      {state === "failed" && <span className="text-sm text-red-700 dark:text-red-400">Could not unsuspend. Try again.</span>}
      <Button
        variant="secondary"
        disabled={state === "pending"}
        onClick={async () => {
          setState("pending");
          const response = await fetch(`/api/v1/review/cards/${cardId}`, {
            method: "PATCH",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ suspended: false }),
          }).catch(() => null);
          if (response?.ok) router.refresh();
          else setState("failed");
        }}
      >
        {state === "pending" ? "Unsuspending…" : "Unsuspend"}
      </Button>
    </div>
  );
}
