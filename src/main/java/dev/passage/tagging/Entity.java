package dev.passage.tagging;

import java.util.List;

/**
 * A known name: what the facet shows, its type and the other ways it is written.
 *
 * @param canonical the name shown in facets
 * @param type person, organisation, place or other
 * @param aliases other spellings and acronyms, each leading to the name wherever it appears
 * @param guardedAliases short forms that lead to the name only in an article that also writes the
 *     name in full or by an unguarded alias ({@code AMC?} in the names file: AMC is American Motors
 *     only where American Motors appears)
 * @param origin the file and line it was read from, for explanations
 */
public record Entity(
    String canonical,
    EntityType type,
    List<String> aliases,
    List<String> guardedAliases,
    String origin) {

  public Entity {
    aliases = List.copyOf(aliases);
    guardedAliases = List.copyOf(guardedAliases);
  }

  /** A name with no guarded aliases. */
  public Entity(String canonical, EntityType type, List<String> aliases, String origin) {
    this(canonical, type, aliases, List.of(), origin);
  }

  /** The canonical name followed by the aliases: every form that matches anywhere. */
  public List<String> forms() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(canonical), aliases.stream())
        .toList();
  }
}
