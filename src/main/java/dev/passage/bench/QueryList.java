package dev.passage.bench;

import dev.passage.ingest.Article;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The benchmark's queries: one- and two-word queries drawn from the articles' titles, the words a
 * reader of the archive would type. The same corpus and seed always give the same list, so runs and
 * engines are compared on the same work.
 */
public final class QueryList {

  private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");

  private QueryList() {}

  /** {@code count} distinct queries (fewer when the titles have fewer words). */
  public static List<String> from(List<Article> articles, int count, long seed) {
    List<List<String>> titles = new ArrayList<>();
    for (Article a : articles) {
      List<String> words = words(a.title() == null ? "" : a.title());
      if (!words.isEmpty()) {
        titles.add(words);
      }
    }
    Set<String> queries = new LinkedHashSet<>();
    Random random = new Random(seed);
    int attempts = 0;
    while (queries.size() < count && !titles.isEmpty() && attempts++ < count * 100) {
      List<String> words = titles.get(random.nextInt(titles.size()));
      if (words.size() < 2 || random.nextBoolean()) {
        queries.add(words.get(random.nextInt(words.size())));
      } else {
        int i = random.nextInt(words.size() - 1);
        queries.add(words.get(i) + " " + words.get(i + 1));
      }
    }
    return List.copyOf(queries);
  }

  /** A title's words of three letters or more, lower-cased, stop words left out. */
  static List<String> words(String title) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(title);
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT);
      if (!EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w)) {
        words.add(w);
      }
    }
    return words;
  }
}
