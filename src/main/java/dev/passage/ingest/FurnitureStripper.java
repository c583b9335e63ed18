package dev.passage.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Removes page furniture from an article's text: breadcrumbs, the title line and its repetitions,
 * bylines, related-article blocks, newsletter and comment lines and sign-offs. What is removed is
 * decided by {@link FurnitureRules}, except the title, which is recognised from the article's own
 * title, and a sign-off that names the article's source.
 */
public final class FurnitureStripper {

  /** The title and its repetitions are only looked for among the first lines. */
  private static final int HEADER_LINES = 4;

  /** A first line longer than this is a lead paragraph, not a title. */
  private static final int MAX_TITLE_WORDS = 20;

  private final FurnitureRules rules;

  public FurnitureStripper(FurnitureRules rules) {
    this.rules = rules;
  }

  /** Strips the furniture of one article. */
  public CleanText strip(Article article) {
    List<String> lines = new ArrayList<>(List.of(article.text().split("\n", -1)));
    cutFrom(lines);
    stripLead(lines);
    String byline = takeByline(lines);
    lines.removeIf(line -> matchesAny(FurnitureRules.Kind.LINE, line.strip()));
    dropTrailing(lines, article.source());
    dropSignoff(lines);
    String title = article.title();
    String headerTitle = null;
    if (title == null) {
      headerTitle = takeHeaderTitle(lines);
      title = headerTitle;
    }
    if (title != null) {
      dropRepeatedTitle(lines, title);
    }
    return new CleanText(headerTitle, byline, String.join("\n", lines).strip());
  }

  private void cutFrom(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (matchesAny(FurnitureRules.Kind.FROM, lines.get(i).strip())) {
        lines.subList(i, lines.size()).clear();
        return;
      }
    }
  }

  private void stripLead(List<String> lines) {
    int first = firstNonBlank(lines, 0);
    if (first < 0) {
      return;
    }
    String line = lines.get(first).strip();
    for (FurnitureRules.Rule rule : rules.of(FurnitureRules.Kind.LEAD)) {
      line = rule.pattern().matcher(line).replaceFirst("").strip();
    }
    lines.set(first, line);
  }

  private String takeByline(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      for (FurnitureRules.Rule rule : rules.of(FurnitureRules.Kind.BYLINE)) {
        var m = rule.pattern().matcher(line);
        if (m.find()) {
          lines.remove(i);
          return m.group(1).strip();
        }
      }
    }
    return null;
  }

  private void dropTrailing(List<String> lines, String source) {
    String sourceKey = source == null ? null : key(source);
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        lines.remove(i);
      } else if (matchesAny(FurnitureRules.Kind.TRAILING, line)
          || (sourceKey != null && key(line).equals(sourceKey))) {
        lines.remove(i);
      } else {
        return;
      }
    }
  }

  /** "… in 2002. REUTER": the sign-off that ends the last line, and the line if nothing is left. */
  private void dropSignoff(List<String> lines) {
    int last = lines.size() - 1;
    if (last < 0) {
      return;
    }
    String line = lines.get(last);
    for (FurnitureRules.Rule rule : rules.of(FurnitureRules.Kind.SIGNOFF)) {
      line = rule.pattern().matcher(line.strip()).replaceFirst("").strip();
    }
    if (line.isEmpty()) {
      lines.remove(last);
      dropTrailing(lines, null);
    } else {
      lines.set(last, line);
    }
  }

  /**
   * Takes the first line as the title when it looks like one: short, standing alone, followed by
   * more text, and either repeated below, unpunctuated, or title-cased over several words. A
   * one-word sentence ("Yes.") is not a title.
   */
  private static String takeHeaderTitle(List<String> lines) {
    int first = firstNonBlank(lines, 0);
    if (first < 0 || firstNonBlank(lines, first + 1) < 0) {
      return null;
    }
    String line = lines.get(first).strip();
    int words = Text.wordCount(line);
    boolean standsAlone = lines.get(first + 1).isBlank();
    if (!standsAlone || words > MAX_TITLE_WORDS || line.endsWith(",") || line.endsWith(":")) {
      return null;
    }
    boolean looksLikeTitle =
        isRepeatedBelow(lines, first, line)
            || (words >= 2 && !Text.endsWithSentencePunctuation(line))
            || (words >= 3 && Text.isTitleCase(line));
    if (!looksLikeTitle) {
      return null;
    }
    lines.remove(first);
    return Text.trimTrailingPeriod(line);
  }

  private static boolean isRepeatedBelow(List<String> lines, int index, String title) {
    String titleKey = key(title);
    int seen = 0;
    for (int i = index + 1; i < lines.size() && seen < HEADER_LINES; i++) {
      if (!lines.get(i).isBlank()) {
        seen++;
        if (repeatsTitle(lines.get(i), titleKey)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Drops lines near the top that repeat the title, alone or after a label ("China: …"). */
  private static void dropRepeatedTitle(List<String> lines, String title) {
    String titleKey = key(title);
    int seen = 0;
    for (int i = 0; i < lines.size() && seen < HEADER_LINES; i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      seen++;
      if (repeatsTitle(lines.get(i), titleKey)) {
        lines.remove(i);
        i--;
      }
    }
  }

  private static boolean repeatsTitle(String line, String titleKey) {
    if (titleKey.isEmpty()) {
      return false;
    }
    String lineKey = key(line);
    if (lineKey.equals(titleKey)) {
      return true;
    }
    int colon = line.indexOf(": ");
    return colon > 0 && colon <= 40 && key(line.substring(colon + 2)).equals(titleKey);
  }

  private boolean matchesAny(FurnitureRules.Kind kind, String line) {
    for (FurnitureRules.Rule rule : rules.of(kind)) {
      if (rule.matches(line)) {
        return true;
      }
    }
    return false;
  }

  private static int firstNonBlank(List<String> lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Letters and digits only, lower-cased and accent-free, runs of anything else as one space: how
   * two lines are compared. A loop rather than regular expressions, which showed in indexing
   * profiles: every line of every article is compared.
   */
  static String key(String text) {
    String folded = Text.withoutAccents(text).toLowerCase(Locale.ROOT);
    StringBuilder key = new StringBuilder(folded.length());
    boolean gap = false;
    for (int i = 0; i < folded.length(); ) {
      int c = folded.codePointAt(i);
      i += Character.charCount(c);
      if (!isLetterOrNumber(c)) {
        gap = true;
      } else {
        if (gap && !key.isEmpty()) {
          key.append(' ');
        }
        gap = false;
        key.appendCodePoint(c);
      }
    }
    return key.toString();
  }

  /** Unicode's L and N. */
  private static boolean isLetterOrNumber(int c) {
    return switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER ->
          true;
      default -> false;
    };
  }
}
