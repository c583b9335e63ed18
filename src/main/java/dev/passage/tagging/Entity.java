package dev.passage.tagging;

import java.util.List;

/**
 * A known name: what the facet shows, its type and the other ways it is written.
 *
 * @param canonical the name shown in facets
 * @param type person, organisation, place or other
 * @param aliases other spellings and acronyms
 * @param origin the file and line it was read from, for explanations
 */
public record Entity(String canonical, EntityType type, List<String> aliases, String origin) {

  public Entity {
    aliases = List.copyOf(aliases);
  }

  /** The canonical name followed by the aliases: every form that matches. */
  public List<String> forms() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(canonical), aliases.stream())
        .toList();
  }
}
