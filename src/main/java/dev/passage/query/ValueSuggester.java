package dev.passage.query;

import dev.passage.engine.Dimension;
import dev.passage.engine.SuggestRequest;
import dev.passage.engine.SuggestResponse.Suggestion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup.LookupResult;
import org.apache.lucene.search.suggest.analyzing.FuzzySuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Completions of a prefix among the facet values an index holds and the phrases of its titles
 * ({@link TitlePhrases}), built with Lucene's {@link FuzzySuggester} from the values and how many
 * paragraphs carry each, and the phrases and how many titles hold each. A value is found by its
 * first words, by any later word ("nazarbayev" finds Nursultan Nazarbayev) and by every alias the
 * names list gives it ("sco"), a phrase by its first words; both with one typo forgiven
 * ("nazarbaev"). Values come before phrases, though a quarter of a full list is kept for phrases
 * that complete the prefix too; within each, those that complete the prefix as typed come before
 * those found by forgiving a typo, the most frequent first. A phrase that is only a name a value is
 * found by ("shanghai cooperation") is left to the value. Built once per index state and then only
 * read, by any number of threads.
 */
public final class ValueSuggester {

  /** Between a payload's dimension and value. */
  private static final char SEPARATOR = '\u001f';

  /**
   * What one lookup asks of the values' suggester for each suggestion wanted: room for a value's
   * many names.
   */
  private static final int LOOKUP_FACTOR = 8;

  /** The same for phrases, which have one name each: room for those found by a typo. */
  private static final int PHRASE_LOOKUP_FACTOR = 2;

  /** When values would fill the list, one in this many places is kept for phrases. */
  private static final int PHRASE_SHARE = 4;

  /** The kind of a phrase's suggestion, which is searched as words rather than applied. */
  public static final String QUERY = "query";

  private final FuzzySuggester values;
  private final FuzzySuggester phrases;

  private ValueSuggester(FuzzySuggester values, FuzzySuggester phrases) {
    this.values = values;
    this.phrases = phrases;
  }

  /**
   * One name a suggestion is found by, its weight (a value's paragraph count, a phrase's title
   * count), its kind (a dimension's field or {@link #QUERY}) and what choosing it means.
   */
  private record Entry(String name, long weight, String kind, String value) {}

  /**
   * The suggester of the values in {@code counts} (each dimension's values with their paragraph
   * counts), under their own names and the aliases {@code known} gives them, and of {@code phrases}
   * (each with its count of titles).
   */
  public static ValueSuggester of(
      Map<Dimension, Map<String, Long>> counts, KnownValues known, Map<String, Long> phrases)
      throws IOException {
    List<Entry> entries = valueEntries(counts, known);
    Set<String> names = new HashSet<>();
    entries.forEach(e -> names.add(KnownValues.key(e.name())));
    List<Entry> phraseEntries = new ArrayList<>();
    phrases.forEach((phrase, count) -> {
      if (!names.contains(KnownValues.key(phrase))) {
        phraseEntries.add(new Entry(phrase, count, QUERY, phrase));
      }
    });
    return new ValueSuggester(suggester("values", entries), suggester("phrases", phraseEntries));
  }

  private static List<Entry> valueEntries(
      Map<Dimension, Map<String, Long>> counts, KnownValues known) {
    List<Entry> entries = new ArrayList<>();
    counts.forEach((dimension, held) -> {
      held.forEach((value, count) -> {
        entries.add(new Entry(value, count, dimension.field(), value));
        String[] words = value.split(" ");
        for (int i = 1; i < words.length; i++) {
          String rest = String.join(" ", Arrays.copyOfRange(words, i, words.length));
          entries.add(new Entry(rest, count, dimension.field(), value));
        }
      });
      known
          .namesByKey(dimension)
          .forEach((name, canonical) -> {
            Long count = held.get(canonical);
            if (count != null && !name.equals(KnownValues.key(canonical))) {
              entries.add(new Entry(name, count, dimension.field(), canonical));
            }
          });
    });
    return entries;
  }

  /** The suggester of {@code entries}, or null when there are none. */
  private static FuzzySuggester suggester(String name, List<Entry> entries) throws IOException {
    if (entries.isEmpty()) {
      return null;
    }
    // In one order whatever order the engine listed them in, so that ties among equal weights
    // fall the same way on every engine.
    entries.sort(
        Comparator.comparing(Entry::name).thenComparing(Entry::kind).thenComparing(Entry::value));
    FuzzySuggester suggester = new FuzzySuggester(new ByteBuffersDirectory(), name, analyzer());
    suggester.build(new Entries(entries.iterator()));
    return suggester;
  }

  /**
   * What completes {@code request}'s prefix, at most its size: values as typed, phrases as typed,
   * values found by forgiving a typo, then such phrases; a quarter of a full list is kept for
   * phrases.
   */
  public List<Suggestion> suggest(SuggestRequest request) throws IOException {
    if (request.prefix().isEmpty()) {
      return List.of();
    }
    Found byValue = lookup(values, request, request.size() * LOOKUP_FACTOR);
    Found byPhrase = lookup(phrases, request, request.size() * PHRASE_LOOKUP_FACTOR);
    int phraseCount = byPhrase.asTyped().size() + byPhrase.forgiven().size();
    int roomForValues = request.size() - Math.min(phraseCount, request.size() / PHRASE_SHARE);
    List<Suggestion> out = new ArrayList<>(request.size());
    int valuesTaken = 0;
    for (List<Suggestion> part :
        List.of(byValue.asTyped(), byPhrase.asTyped(), byValue.forgiven(), byPhrase.forgiven())) {
      for (Suggestion s : part) {
        boolean value = !s.kind().equals(QUERY);
        if (out.size() < request.size() && (!value || valuesTaken < roomForValues)) {
          out.add(s);
          valuesTaken += value ? 1 : 0;
        }
      }
    }
    return out;
  }

  /** What one suggester found: completions as typed, and those found by forgiving a typo. */
  private record Found(List<Suggestion> asTyped, List<Suggestion> forgiven) {}

  /** What {@code suggester} completes the prefix with, each completion once, best first. */
  private static Found lookup(FuzzySuggester suggester, SuggestRequest request, int count)
      throws IOException {
    if (suggester == null) {
      return new Found(List.of(), List.of());
    }
    List<LookupResult> found = suggester.lookup(request.prefix(), false, count);
    String typed = KnownValues.key(request.prefix());
    Map<String, Suggestion> asTyped = new LinkedHashMap<>();
    Map<String, Suggestion> forgiven = new LinkedHashMap<>();
    for (LookupResult result : found) {
      String payload = result.payload.utf8ToString();
      int at = payload.indexOf(SEPARATOR);
      String kind = payload.substring(0, at);
      String value = payload.substring(at + 1);
      Map<String, Suggestion> into =
          KnownValues.key(result.key.toString()).startsWith(typed) ? asTyped : forgiven;
      into.putIfAbsent(payload, new Suggestion(value, kind, value));
    }
    asTyped.keySet().forEach(forgiven::remove);
    return new Found(List.copyOf(asTyped.values()), List.copyOf(forgiven.values()));
  }

  /** Words in lower case without accents, for the names and the prefixes alike. */
  private static Analyzer analyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = new ASCIIFoldingFilter(new LowerCaseFilter(source));
        return new TokenStreamComponents(source, result);
      }
    };
  }

  /** The entries as Lucene's suggesters read them: name, weight and the value as payload. */
  private static final class Entries implements InputIterator {
    private final Iterator<Entry> entries;
    private Entry current;

    Entries(Iterator<Entry> entries) {
      this.entries = entries;
    }

    @Override
    public BytesRef next() {
      if (!entries.hasNext()) {
        return null;
      }
      current = entries.next();
      return new BytesRef(current.name());
    }

    @Override
    public long weight() {
      return current.weight();
    }

    @Override
    public BytesRef payload() {
      return new BytesRef(
          (current.kind() + SEPARATOR + current.value()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean hasPayloads() {
      return true;
    }

    @Override
    public Set<BytesRef> contexts() {
      return null;
    }

    @Override
    public boolean hasContexts() {
      return false;
    }
  }
}
