package dev.passage.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.index.ProcessedArticle;
import dev.passage.ingest.TsvFile;
import dev.passage.testing.Fixtures;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The people and organisations of each seed article are exactly those a reader would list: every
 * one found, each under one spelling, no title inside a name, no place taken for either.
 */
class SeedEntitiesTest {

  private static final Map<String, Set<String>> PERSONS = new LinkedHashMap<>();
  private static final Map<String, Set<String>> ORGANISATIONS = new LinkedHashMap<>();

  @BeforeAll
  static void tagTheSeedArticles() throws Exception {
    for (ProcessedArticle article : Fixtures.seedArticles()) {
      Set<String> persons = new LinkedHashSet<>();
      Set<String> organisations = new LinkedHashSet<>();
      for (TaggedParagraph p : article.paragraphs()) {
        persons.addAll(p.tags().persons());
        organisations.addAll(p.tags().organisations());
      }
      PERSONS.put(article.id(), persons);
      ORGANISATIONS.put(article.id(), organisations);
    }
  }

  @Test
  void theReviewOf2013NamesItsLeadersAndBodies() {
    assertThat(PERSONS.get("000_c3b115836f1d2521"))
        .containsExactlyInAnyOrder(
            "Xi Jinping",
            "Nursultan Nazarbayev",
            "Serik Akhmetov",
            "Nurlan Nigmatulin",
            "Li Keqiang",
            "Zhao Leji",
            "Bauyzhan Baibek",
            "Karim Masimov",
            "Fan Changlong",
            "Adilbek Dzhaksybekov",
            "Wang Yi",
            "Erlan Idrissov",
            "Zhang Dejiang");
    assertThat(ORGANISATIONS.get("000_c3b115836f1d2521"))
        .containsExactlyInAnyOrder(
            "Mazhilis",
            "China-Kazakhstan Entrepreneurs Committee",
            "Shanghai Cooperation Organisation",
            "Political Bureau of the CPC Central Committee",
            "CPC Central Committee",
            "Nur Otan",
            "Presidential Administration of Kazakhstan",
            "Central Military Commission",
            "Boao Forum for Asia",
            "CITIC Group",
            "Samruk-Kazyna",
            "National People's Congress",
            "Commonwealth of Independent States",
            "East Turkistan Islamic Movement",
            "United Nations",
            "Conference on Interaction and Confidence Building Measures in Asia");
  }

  @Test
  void idrissovsTalksWithLiYuanchaoNameTheMinistersTheSculptorAndThePoet() {
    assertThat(PERSONS.get("001_4c331c42e6f04ea6"))
        .containsExactlyInAnyOrder(
            "Erlan Idrissov",
            "Li Yuanchao",
            "Wang Yi",
            "Nursultan Nazarbayev",
            "Xi Jinping",
            "Abai Kunanbayev",
            "Yuan Xikun");
    assertThat(ORGANISATIONS.get("001_4c331c42e6f04ea6"))
        .containsExactlyInAnyOrder(
            "China Institute of International Studies",
            "Conference on Interaction and Confidence Building Measures in Asia",
            "Shanghai Cooperation Organisation");
  }

  @Test
  void wangYisVisitOf2013ReadsXiJingpinAsXiJinping() {
    assertThat(PERSONS.get("002_89bf8cead1161fd8"))
        .containsExactlyInAnyOrder("Wang Yi", "Serik Akhmetov", "Erlan Idrissov", "Xi Jinping");
    assertThat(ORGANISATIONS.get("002_89bf8cead1161fd8"))
        .containsExactlyInAnyOrder(
            "Kazakhstan-China Business Council",
            "Shanghai Cooperation Organisation",
            "Conference on Interaction and Confidence Building Measures in Asia",
            "Mazhilis");
  }

  @Test
  void theAnalysisOfXisVisitLeavesTheBylineOut() {
    assertThat(PERSONS.get("003_0e5463e51e88c47b"))
        .containsExactlyInAnyOrder("Xi Jinping", "Kassym-Jomart Tokayev", "Nursultan Nazarbayev");
    assertThat(ORGANISATIONS.get("003_0e5463e51e88c47b"))
        .containsExactlyInAnyOrder("Nazarbayev University", "Shanghai Cooperation Organisation");
  }

  @Test
  void wangYisVisitOf2024LeavesTheRelatedNewsOut() {
    assertThat(PERSONS.get("004_fd3b26c682193b6e"))
        .containsExactlyInAnyOrder("Wang Yi", "Murat Nurtleu");
    assertThat(ORGANISATIONS.get("004_fd3b26c682193b6e"))
        .containsExactlyInAnyOrder(
            "Kazakhstan-China Cooperation Committee",
            "Ministry of Foreign Affairs of Kazakhstan",
            "United Nations",
            "Shanghai Cooperation Organisation",
            "Conference on Interaction and Confidence Building Measures in Asia");
  }

  @Test
  void noNameIsSpeltTwoWaysCarriesATitleOrIsAPlace() {
    Set<String> places = new LinkedHashSet<>();
    for (TsvFile.Row row : TsvFile.resource(EntityList.RESOURCE)) {
      if (row.column(1).equals("place")) {
        places.add(Tokenizer.key(row.column(0)));
      }
    }
    List<String> titleWords =
        TsvFile.resource(NameRules.RESOURCE).stream()
            .filter(row -> row.column(0).equals("title"))
            .flatMap(row -> Tokenizer.tokenize(row.column(1)).stream())
            .map(Token::key)
            .toList();
    for (String article : PERSONS.keySet()) {
      Set<String> all = new LinkedHashSet<>(PERSONS.get(article));
      all.addAll(ORGANISATIONS.get(article));
      Set<String> keys = new LinkedHashSet<>();
      for (String name : all) {
        assertThat(keys.add(Tokenizer.key(name).replace('-', ' ')))
            .as("%s is spelt two ways in %s", name, article)
            .isTrue();
        assertThat(places)
            .as("%s in %s is a place", name, article)
            .doesNotContain(Tokenizer.key(name));
      }
      for (String person : PERSONS.get(article)) {
        assertThat(Tokenizer.tokenize(person).stream().map(Token::key))
            .as("a title inside %s in %s", person, article)
            .doesNotContainAnyElementsOf(titleWords);
      }
    }
  }
}
