package dev.passage.ingest;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The page-furniture patterns, loaded from {@code passage/furniture.tsv} (see that file for the
 * kinds). Patterns are data so that a newsroom can teach Passage its own site's furniture without
 * touching code.
 */
public final class FurnitureRules {

  /** The bundled rules file. */
  public static final String RESOURCE = "passage/furniture.tsv";

  /** Where a rule applies and what it removes. */
  public enum Kind {
    /** The matching line and everything after it. */
    FROM,
    /** Any matching line. */
    LINE,
    /** A matching line among those that end the article. */
    TRAILING,
    /** The matching beginning of the first line. */
    LEAD,
    /** A matching line, whose first group becomes the byline. */
    BYLINE,
    /** The matching end of the article's last line: a wire's sign-off ("… in 2002. REUTER"). */
    SIGNOFF
  }

  /** One rule, with the example line it must remove. */
  public record Rule(Kind kind, Pattern pattern, String example, String origin) {

    /** True when the rule matches the (stripped) line. */
    public boolean matches(String line) {
      return pattern.matcher(line).find();
    }
  }

  private final List<Rule> rules;
  private final Map<Kind, List<Rule>> byKind;

  public FurnitureRules(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    Map<Kind, List<Rule>> map = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      map.put(kind, this.rules.stream().filter(r -> r.kind() == kind).toList());
    }
    this.byKind = map;
  }

  /** The rules bundled with Passage. */
  public static FurnitureRules bundled() {
    return parse(TsvFile.resource(RESOURCE));
  }

  /** Builds rules from rows of kind, pattern, example. */
  public static FurnitureRules parse(List<TsvFile.Row> rows) {
    return new FurnitureRules(rows.stream().map(FurnitureRules::rule).toList());
  }

  private static Rule rule(TsvFile.Row row) {
    Kind kind;
    try {
      kind = Kind.valueOf(row.column(0).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw row.error(
          "unknown kind '"
              + row.column(0)
              + "'; use from, line, trailing, lead, byline or signoff");
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(row.column(1));
    } catch (PatternSyntaxException e) {
      throw row.error("bad regular expression: " + e.getDescription());
    }
    if (kind == Kind.BYLINE && pattern.matcher("").groupCount() < 1) {
      throw row.error("a byline rule needs a group around the byline");
    }
    return new Rule(kind, pattern, row.column(2), row.origin() + ":" + row.line());
  }

  /** Every rule, in file order. */
  public List<Rule> rules() {
    return rules;
  }

  /** The rules of one kind, in file order. */
  public List<Rule> of(Kind kind) {
    return byKind.get(kind);
  }
}
