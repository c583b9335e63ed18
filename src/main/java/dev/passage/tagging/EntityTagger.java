package dev.passage.tagging;

import dev.passage.ingest.ArticleDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the people and organisations of an article, paragraph by paragraph. The finders run from
 * the most to the least certain, and each claims the words it reads, so a weaker rule never
 * re-reads a stronger one's words:
 *
 * <ol>
 *   <li>{@link TickerFinder}: stock ticker codes ("&lt;BA&gt;"), which are no names;
 *   <li>{@link CuratedNameFinder}: the curated list and its aliases;
 *   <li>{@link AcronymDefinitionFinder}: "Long Name (ACRONYM)";
 *   <li>{@link TitledPersonFinder}: a title or role, then a name;
 *   <li>{@link OrganisationRunFinder}: capitalised runs ending in an organisation word;
 *   <li>{@link NameShapeFinder}: a given name and a surname, or a family name written first;
 *   <li>{@link ShortNameResolver}: surnames and acronyms standing for names found above;
 *   <li>{@link GenericNameResolver}: "the Central Bank" standing for the article's longer name;
 *   <li>{@link AcronymOrganisationFinder}: acronyms nothing above explained.
 * </ol>
 *
 * The whole article is tagged at once because a surname in one paragraph is resolved by the full
 * name in another. Instances are immutable and safe to share between indexing threads.
 */
public final class EntityTagger {

  private final TickerFinder tickers = new TickerFinder();
  private final CuratedNameFinder curated;
  private final AcronymDefinitionFinder acronyms;
  private final TitledPersonFinder titled;
  private final OrganisationRunFinder organisations;
  private final NameShapeFinder nameShapes;
  private final ShortNameResolver shortNames;
  private final GenericNameResolver genericNames;
  private final AcronymOrganisationFinder unexplainedAcronyms;

  public EntityTagger(EntityList list, NameRules rules, NameLexicon lexicon) {
    this.curated = new CuratedNameFinder(list);
    this.acronyms = new AcronymDefinitionFinder(rules);
    this.titled = new TitledPersonFinder(rules, lexicon);
    this.organisations = new OrganisationRunFinder(rules);
    this.nameShapes = new NameShapeFinder(lexicon, rules);
    this.shortNames = new ShortNameResolver(rules, lexicon, list);
    this.genericNames = new GenericNameResolver(rules);
    this.unexplainedAcronyms = new AcronymOrganisationFinder(rules);
  }

  /** A tagger with {@code list} and the bundled rules and name lexicon. */
  public EntityTagger(EntityList list) {
    this(list, NameRules.bundled(), NameLexicon.bundled());
  }

  /** A tagger with the bundled list, rules and name lexicon. */
  public static EntityTagger bundled() {
    return new EntityTagger(EntityList.bundled());
  }

  /**
   * The people and organisations of each paragraph, in text order.
   *
   * @return one list per paragraph, each mention a person or an organisation
   */
  public List<List<Mention>> tag(List<String> paragraphs) {
    return tag(paragraphs, null);
  }

  /**
   * The people and organisations of each paragraph of an article dated {@code date}: a name listed
   * with a period leads to its entry only in an article of that period. Without a date (null), no
   * dated name applies and its words are left to the rules.
   *
   * @return one list per paragraph, each mention a person or an organisation
   */
  public List<List<Mention>> tag(List<String> paragraphs, ArticleDate date) {
    List<ParagraphNames> article = new ArrayList<>(paragraphs.size());
    for (int i = 0; i < paragraphs.size(); i++) {
      article.add(new ParagraphNames(i, paragraphs.get(i)));
    }
    article.forEach(tickers::find);
    curated.find(article, date);
    article.forEach(acronyms::find);
    article.forEach(titled::find);
    article.forEach(organisations::find);
    article.forEach(nameShapes::find);
    shortNames.resolve(article);
    genericNames.resolve(article);
    article.forEach(unexplainedAcronyms::find);
    List<List<Mention>> result = new ArrayList<>(article.size());
    for (ParagraphNames p : article) {
      result.add(
          p.mentions().stream()
              .filter(m -> m.type().isTag())
              .sorted(Comparator.comparingInt(Mention::start))
              .toList());
    }
    return result;
  }
}
