package dev.passage.engine;

/** The facet dimensions, in the order the API lists them. */
public enum Dimension {
  YEAR("year"),
  PERSON("person"),
  ORGANISATION("organisation"),
  TOPIC("topic");

  private final String field;

  Dimension(String field) {
    this.field = field;
  }

  /** The facet dimension, stored field and query parameter name. */
  public String field() {
    return field;
  }

  /** The dimension whose field is {@code name}, or null. */
  public static Dimension of(String name) {
    for (Dimension d : values()) {
      if (d.field.equals(name)) {
        return d;
      }
    }
    return null;
  }
}
