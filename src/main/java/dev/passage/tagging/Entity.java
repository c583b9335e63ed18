package dev.passage.tagging;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
 * @param periods the forms (canonical name or aliases) that lead to the entry only in articles of a
 *     period, as {@code EC [to 1993-10]} in the names file; the others lead to it at any date
 */
public record Entity(
    String canonical,
    EntityType type,
    List<String> aliases,
    List<String> guardedAliases,
    String origin,
    Map<String, NamePeriod> periods) {

  public Entity {
    aliases = List.copyOf(aliases);
    guardedAliases = List.copyOf(guardedAliases);
    periods = Map.copyOf(periods);
  }

  /** A name whose forms are in use at any date. */
  public Entity(
      String canonical,
      EntityType type,
      List<String> aliases,
      List<String> guardedAliases,
      String origin) {
    this(canonical, type, aliases, guardedAliases, origin, Map.of());
  }

  /** A name with no guarded aliases. */
  public Entity(String canonical, EntityType type, List<String> aliases, String origin) {
    this(canonical, type, aliases, List.of(), origin);
  }

  /** When {@code form} leads to this entry; null when it does at any date. */
  NamePeriod period(String form) {
    return periods.get(form);
  }

  /** The canonical name followed by the aliases: every form that matches anywhere. */
  public List<String> forms() {
    return Stream.concat(Stream.of(canonical), aliases.stream()).toList();
  }
}
