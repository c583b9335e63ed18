package dev.passage.query;

import dev.passage.engine.Dimension;
import dev.passage.engine.SuggestRequest;
import dev.passage.engine.SuggestResponse.Suggestion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 * Completions of a prefix among the facet values an index holds, built with Lucene's {@link
 * FuzzySuggester} from the values and how many paragraphs carry each. A value is found by its first
 * words, by any later word ("nazarbayev" finds Nursultan Nazarbayev) and by every alias the names
 * list gives it ("sco"), with one typo forgiven ("nazarbaev"); values that complete the prefix as
 * typed come before those found by forgiving a typo, the most frequent first. Built once per index
 * state and then only read, by any number of threads.
 */
public final class ValueSuggester {

  /** Between a payload's dimension and value. */
  private static final char SEPARATOR = '\u001f';

  /** What one lookup asks of the suggester for each suggestion wanted: room for duplicates. */
  private static final int LOOKUP_FACTOR = 8;

  private static final ValueSuggester EMPTY = new ValueSuggester(null);

  private final FuzzySuggester suggester;

  private ValueSuggester(FuzzySuggester suggester) {
    this.suggester = suggester;
  }

  /** One name a value is found by, and the value's weight: its paragraph count. */
  private record Entry(String name, long weight, Dimension dimension, String value) {}

  /**
   * The suggester of the values in {@code counts} (each dimension's values with their paragraph
   * counts), under their own names and the aliases {@code known} gives them.
   */
  public static ValueSuggester of(Map<Dimension, Map<String, Long>> counts, KnownValues known)
      throws IOException {
    List<Entry> entries = new ArrayList<>();
    counts.forEach((dimension, held) -> {
      held.forEach((value, count) -> {
        entries.add(new Entry(value, count, dimension, value));
        String[] words = value.split(" ");
        for (int i = 1; i < words.length; i++) {
          String rest = String.join(" ", Arrays.copyOfRange(words, i, words.length));
          entries.add(new Entry(rest, count, dimension, value));
        }
      });
      known
          .namesByKey(dimension)
          .forEach((name, canonical) -> {
            Long count = held.get(canonical);
            if (count != null && !name.equals(KnownValues.key(canonical))) {
              entries.add(new Entry(name, count, dimension, canonical));
            }
          });
    });
    if (entries.isEmpty()) {
      return EMPTY;
    }
    // In one order whatever order the engine listed the values in, so that ties among equal
    // weights fall the same way on every engine.
    entries.sort(
        Comparator.comparing(Entry::name)
            .thenComparing(Entry::dimension)
            .thenComparing(Entry::value));
    FuzzySuggester suggester = new FuzzySuggester(new ByteBuffersDirectory(), "values", analyzer());
    suggester.build(new Entries(entries.iterator()));
    return new ValueSuggester(suggester);
  }

  /** The values that complete {@code request}'s prefix, at most its size. */
  public List<Suggestion> suggest(SuggestRequest request) throws IOException {
    if (suggester == null || request.prefix().isEmpty()) {
      return List.of();
    }
    List<LookupResult> found =
        suggester.lookup(request.prefix(), false, request.size() * LOOKUP_FACTOR);
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
    List<Suggestion> out = new ArrayList<>(asTyped.values());
    forgiven.forEach((key, s) -> {
      if (!asTyped.containsKey(key)) {
        out.add(s);
      }
    });
    return out.size() > request.size() ? out.subList(0, request.size()) : out;
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
          (current.dimension().field() + SEPARATOR + current.value())
              .getBytes(StandardCharsets.UTF_8));
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
