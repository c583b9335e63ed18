package dev.passage.tagging;

import dev.passage.engine.TagReason;
import java.util.List;

/**
 * The facet values of one paragraph, each list without duplicates, with the reasons for them.
 *
 * @param years the years it is about, oldest first
 * @param persons canonical names, in order of first mention
 * @param organisations canonical names, in order of first mention
 * @param topics most used first
 * @param reasons one or more reasons for every value
 */
public record Tags(
    List<String> years,
    List<String> persons,
    List<String> organisations,
    List<String> topics,
    List<TagReason> reasons) {

  public Tags {
    years = List.copyOf(years);
    persons = List.copyOf(persons);
    organisations = List.copyOf(organisations);
    topics = List.copyOf(topics);
    reasons = List.copyOf(reasons);
  }
}
