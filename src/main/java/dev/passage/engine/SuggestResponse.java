package dev.passage.engine;

import java.util.List;

/**
 * Completions of what a reader typed, best first.
 *
 * @param query the prefix as the request gave it
 * @param suggestions at most the size asked for
 */
public record SuggestResponse(String query, List<Suggestion> suggestions) {

  /**
   * One completion: a facet value of the index, whichever of its names or words was typed.
   *
   * @param text what the list shows: the value as the index holds it
   * @param kind the dimension: person, organisation, topic or year
   * @param value the filter value that choosing it applies ({@code kind=value})
   */
  public record Suggestion(String text, String kind, String value) {}

  public SuggestResponse {
    suggestions = List.copyOf(suggestions);
  }
}
