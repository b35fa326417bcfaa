import type { MetadataRoute } from "next";

/** The web app manifest (/manifest.webmanifest): installs Systemic on a phone, opening on Review. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/review",
    name: "Systemic — MFT exam prep",
    short_name: "Systemic",
    description: "Daily spaced-repetition review, lessons and practice exams for the AMFTRB national MFT exam.",
    start_url: "/review",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#fafaf9",
    theme_color: "#225756",
    categories: ["education"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
    shortcuts: [
      { name: "Review", url: "/review", icons: [{ src: "/icons/icon-192.png", sizes: "192x192" }] },
      { name: "Lessons", url: "/learn", icons: [{ src: "/icons/icon-192.png", sizes: "192x192" }] },
    ],
  };
}
