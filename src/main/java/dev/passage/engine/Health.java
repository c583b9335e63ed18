package dev.passage.engine;

/**
 * The state of the service.
 *
 * @param status "ok", or "degraded" when the engine answers but is not whole (a cluster missing a
 *     replica)
 * @param engine which engine serves: "lucene" (embedded) or "opensearch"
 * @param articles articles in the index
 * @param paragraphs paragraphs in the index
 * @param builtAt when the index was built, or null
 */
public record Health(String status, String engine, int articles, int paragraphs, String builtAt) {}
