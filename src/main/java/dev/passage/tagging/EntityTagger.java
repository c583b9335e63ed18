package dev.passage.tagging;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the people and organisations of an article, paragraph by paragraph. The finders run from
 * the most to the least certain, and each claims the words it reads, so a weaker rule never
 * re-reads a stronger one's words:
 *
 * <ol>
 *   <li>{@link CuratedNameFinder}: the curated list and its aliases;
 *   <li>{@link AcronymDefinitionFinder}: "Long Name (ACRONYM)";
 *   <li>{@link TitledPersonFinder}: a title or role, then a name;
 *   <li>{@link OrganisationRunFinder}: capitalised runs ending in an organisation word;
 *   <li>{@link ShortNameResolver}: surnames and acronyms standing for names found above.
 * </ol>
 *
 * The whole article is tagged at once because a surname in one paragraph is resolved by the full
 * name in another. Instances are immutable and safe to share between indexing threads.
 */
public final class EntityTagger {

  private final CuratedNameFinder curated;
  private final AcronymDefinitionFinder acronyms;
  private final TitledPersonFinder titled;
  private final OrganisationRunFinder organisations;
  private final ShortNameResolver shortNames;

  public EntityTagger(EntityList list, NameRules rules) {
    this.curated = new CuratedNameFinder(list);
    this.acronyms = new AcronymDefinitionFinder(rules);
    this.titled = new TitledPersonFinder(rules);
    this.organisations = new OrganisationRunFinder(rules);
    this.shortNames = new ShortNameResolver(rules, list);
  }

  /** A tagger with the bundled list and rules. */
  public static EntityTagger bundled() {
    return new EntityTagger(EntityList.bundled(), NameRules.bundled());
  }

  /**
   * The people and organisations of each paragraph, in text order.
   *
   * @return one list per paragraph, each mention a person or an organisation
   */
  public List<List<Mention>> tag(List<String> paragraphs) {
    List<ParagraphNames> article = new ArrayList<>(paragraphs.size());
    for (int i = 0; i < paragraphs.size(); i++) {
      article.add(new ParagraphNames(i, paragraphs.get(i)));
    }
    article.forEach(curated::find);
    article.forEach(acronyms::find);
    article.forEach(titled::find);
    article.forEach(organisations::find);
    shortNames.resolve(article);
    List<List<Mention>> result = new ArrayList<>(article.size());
    for (ParagraphNames p : article) {
      result.add(
          p.mentions().stream()
              .filter(m -> m.type().isTag())
              .sorted(java.util.Comparator.comparingInt(Mention::start))
              .toList());
    }
    return result;
  }
}
