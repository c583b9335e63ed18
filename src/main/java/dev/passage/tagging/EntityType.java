package dev.passage.tagging;

import java.util.Locale;

/** What a name denotes. Only people and organisations become tags. */
public enum EntityType {
  PERSON,
  ORGANISATION,
  /** Places block the rules: "China" is neither a person nor an organisation. */
  PLACE,
  /** Other known names (initiatives, events, documents), listed so the rules leave them alone. */
  OTHER;

  /** Parses the type column of the names file ("person", "organisation", ...). */
  public static EntityType parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "person" -> PERSON;
      case "organisation", "organization" -> ORGANISATION;
      case "place" -> PLACE;
      case "other" -> OTHER;
      default ->
          throw new IllegalArgumentException(
              "unknown type '" + text + "'; use person, organisation, place or other");
    };
  }

  /** True for the types that become facet tags. */
  public boolean isTag() {
    return this == PERSON || this == ORGANISATION;
  }
}
