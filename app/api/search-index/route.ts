import { buildSearchDocuments } from "@/lib/content/search-index";
import { loadContent } from "@/lib/content/load";

// Built once at build time and served as a static file.
export const dynamic = "force-static";

export async function GET() {
  const documents = buildSearchDocuments(await loadContent());
  return Response.json(documents, { headers: { "Cache-Control": "public, max-age=3600" } });
}
