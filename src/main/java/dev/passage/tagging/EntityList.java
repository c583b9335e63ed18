package dev.passage.tagging;

import dev.passage.ingest.TsvFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The curated names of {@code passage/entities.tsv}: canonical name, type and aliases. A user's own
 * file in the same format is merged over it: an entry with the same canonical name replaces the
 * bundled one, and an alias moves to the entry that names it last.
 */
public final class EntityList {

  /** The bundled names file. */
  public static final String RESOURCE = "passage/entities.tsv";

  /** Ends an alias that needs the article's evidence: "AMC?". */
  private static final String GUARD = "?";

  private final List<Entity> entities;

  private EntityList(List<Entity> entities) {
    this.entities = List.copyOf(entities);
  }

  /** The names bundled with Passage, read once per process: serve's start needed them twice. */
  public static EntityList bundled() {
    return Bundled.LIST;
  }

  private static final class Bundled {
    static final EntityList LIST = parse(TsvFile.resource(RESOURCE));
  }

  /** Reads a names file given by the user. */
  public static EntityList file(Path path) throws IOException {
    return parse(TsvFile.file(path));
  }

  /** Builds the list from rows of canonical name, type and aliases. */
  public static EntityList parse(List<TsvFile.Row> rows) {
    List<Entity> entities = new ArrayList<>();
    for (TsvFile.Row row : rows) {
      Map<String, NamePeriod> periods = new HashMap<>();
      String canonical = dated(row, row.column(0), periods);
      if (canonical.isEmpty()) {
        throw row.error("the canonical name is empty");
      }
      EntityType type;
      try {
        type = EntityType.parse(row.column(1));
      } catch (IllegalArgumentException e) {
        throw row.error(e.getMessage());
      }
      List<String> forms =
          Arrays.stream(row.column(2).split("\\|"))
              .map(String::strip)
              .filter(a -> !a.isEmpty())
              .map(a -> dated(row, a, periods))
              .toList();
      List<String> aliases = forms.stream().filter(a -> !a.endsWith(GUARD)).toList();
      List<String> guarded =
          forms.stream()
              .filter(a -> a.endsWith(GUARD))
              .map(a -> guardedName(a, periods))
              .filter(a -> !a.isEmpty())
              .toList();
      entities.add(
          new Entity(canonical, type, aliases, guarded, row.origin() + ":" + row.line(), periods));
    }
    return new EntityList(entities);
  }

  /**
   * The name of a form written with a period ("EC [to 1993-10]"), its period kept in {@code
   * periods}.
   */
  private static String dated(TsvFile.Row row, String written, Map<String, NamePeriod> periods) {
    NamePeriod.Form form;
    try {
      form = NamePeriod.parse(written);
    } catch (IllegalArgumentException e) {
      throw row.error(e.getMessage());
    }
    if (form.period() != null) {
      periods.put(form.name(), form.period());
    }
    return form.name();
  }

  /** A guarded alias without its mark, its period moved to the name without it. */
  private static String guardedName(String alias, Map<String, NamePeriod> periods) {
    String name = alias.substring(0, alias.length() - GUARD.length()).strip();
    NamePeriod period = periods.remove(alias);
    if (period != null) {
      periods.put(name, period);
    }
    return name;
  }

  /** Every entry, in file order. */
  public List<Entity> entities() {
    return entities;
  }

  /** This list with {@code overrides} merged over it. */
  public EntityList merge(EntityList overrides) {
    Set<String> replaced = new HashSet<>();
    for (Entity e : overrides.entities) {
      replaced.add(Tokenizer.key(e.canonical()));
    }
    List<Entity> merged = new ArrayList<>();
    for (Entity e : entities) {
      if (!replaced.contains(Tokenizer.key(e.canonical()))) {
        merged.add(e);
      }
    }
    // Overrides come last so that their aliases win over the bundled ones.
    merged.addAll(overrides.entities);
    return new EntityList(merged);
  }
}
