package dev.passage.bench;

import dev.passage.ingest.Article;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    Titles titles = new Titles();
    articles.forEach(titles::add);
    return titles.queries(count, seed);
  }

  /**
   * The titles of an archive read one article at a time, each title's words kept once however many
   * articles share it: a replicated archive of a million articles holds only its distinct titles.
   */
  public static final class Titles {
    private final List<List<String>> titles = new ArrayList<>();
    private final Map<String, List<String>> distinct = new HashMap<>();

    /** Takes the title of {@code article}, if it has words to search. */
    public void add(Article article) {
      String title = article.title() == null ? "" : article.title();
      List<String> words = distinct.computeIfAbsent(title, QueryList::words);
      if (!words.isEmpty()) {
        titles.add(words);
      }
    }

    /** {@code count} distinct queries (fewer when the titles have fewer words). */
    public List<String> queries(int count, long seed) {
      return QueryList.queries(titles, count, seed);
    }
  }

  private static List<String> queries(List<List<String>> titles, int count, long seed) {
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
