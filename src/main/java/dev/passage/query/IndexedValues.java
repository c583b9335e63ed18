package dev.passage.query;

import java.util.List;

/**
 * The facet values an index holds, as an engine knows them: what filter values are held against.
 */
public interface IndexedValues {

  /** The values of dimension {@code dim} in the index's (UTF-8 byte) order; empty when none. */
  List<String> values(String dim);

  /** The value of dimension {@code dim} whose {@link KnownValues#key} is {@code key}, or null. */
  String valueByKey(String dim, String key);
}
