package dev.passage.index;

import dev.passage.tagging.EntityTagger;
import dev.passage.tagging.EntityType;
import dev.passage.tagging.Mention;
import dev.passage.tagging.TaggedParagraph;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Counts the person and organisation tags a user's names file changes: each article, as tagged with
 * the merged names, against the same paragraphs tagged with the bundled names alone. Only the names
 * are tagged a second time. Safe to call from several indexing threads.
 */
public final class EntityTagChanges implements Consumer<ProcessedArticle> {

  /**
   * What the names file changed.
   *
   * @param added tags the merged names give and the bundled ones do not
   * @param removed tags the bundled names give and the merged ones do not
   * @param paragraphs paragraphs with at least one tag added or removed
   */
  public record Count(int added, int removed, int paragraphs) {

    /** Tags added or removed; a renamed name counts twice, once each way. */
    public int tags() {
      return added + removed;
    }
  }

  private final EntityTagger bundled;
  private int added;
  private int removed;
  private int paragraphs;

  /** Compares against the tags of {@code bundled}, the tagger without the user's names. */
  public EntityTagChanges(EntityTagger bundled) {
    this.bundled = bundled;
  }

  @Override
  public void accept(ProcessedArticle article) {
    List<TaggedParagraph> tagged = article.paragraphs();
    List<List<Mention>> before =
        bundled.tag(tagged.stream().map(p -> p.paragraph().text()).toList(), article.date());
    int articleAdded = 0;
    int articleRemoved = 0;
    int articleParagraphs = 0;
    for (int i = 0; i < tagged.size(); i++) {
      Set<String> was = new HashSet<>();
      for (Mention m : before.get(i)) {
        was.add(key(m.type() == EntityType.PERSON ? "person" : "organisation", m.name()));
      }
      Set<String> now = new HashSet<>();
      tagged.get(i).tags().persons().forEach(name -> now.add(key("person", name)));
      tagged.get(i).tags().organisations().forEach(name -> now.add(key("organisation", name)));
      int paragraphAdded = difference(now, was);
      int paragraphRemoved = difference(was, now);
      articleAdded += paragraphAdded;
      articleRemoved += paragraphRemoved;
      if (paragraphAdded + paragraphRemoved > 0) {
        articleParagraphs++;
      }
    }
    synchronized (this) {
      added += articleAdded;
      removed += articleRemoved;
      paragraphs += articleParagraphs;
    }
  }

  /** The changes counted so far. */
  public synchronized Count count() {
    return new Count(added, removed, paragraphs);
  }

  private static String key(String dimension, String name) {
    return dimension + "\t" + name;
  }

  private static int difference(Set<String> a, Set<String> b) {
    return (int) a.stream().filter(x -> !b.contains(x)).count();
  }
}
