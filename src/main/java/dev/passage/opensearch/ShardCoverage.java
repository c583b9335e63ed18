package dev.passage.opensearch;

import java.util.List;
import org.opensearch.client.opensearch._types.ErrorCause;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.ShardSearchFailure;
import org.opensearch.client.opensearch.core.SearchResponse;

/**
 * Whether the cluster searched the whole index in time, read from its answer. A shard whose time
 * ran out while collecting answers with what it collected and sets {@code timed_out}; one whose
 * time ran out before or between collecting (while its filter aggregations or scorers were being
 * prepared) fails with {@code time_exceeded_exception} instead, and when every shard does, the
 * whole search is an error. All three are a search that ran out of time, not a cluster that cannot
 * answer. Skipped shards are not missing: the cluster skips a shard only when it has proved that
 * the shard holds no match.
 */
final class ShardCoverage {

  private static final String TIME_EXCEEDED = "time_exceeded_exception";

  private ShardCoverage() {}

  /** True when some shard stopped before it had searched all it holds. */
  static boolean partial(SearchResponse<?> response) {
    return response.timedOut()
        || response.shards().failures().stream().anyMatch(f -> timeExceeded(f.reason()));
  }

  /** The shards that failed for a reason other than time: the answer cannot stand for them. */
  static List<ShardSearchFailure> failedOtherwise(SearchResponse<?> response) {
    return response.shards().failures().stream().filter(f -> !timeExceeded(f.reason())).toList();
  }

  /** True when the cluster's error says that every shard ran out of time and none failed else. */
  static boolean noShardInTime(OpenSearchException e) {
    ErrorCause error = e.error();
    if (error == null) {
      return false;
    }
    List<ErrorCause> causes = error.rootCause();
    return timeExceeded(error)
        || !causes.isEmpty() && causes.stream().allMatch(ShardCoverage::timeExceeded);
  }

  private static boolean timeExceeded(ErrorCause cause) {
    for (ErrorCause c = cause; c != null; c = c.causedBy()) {
      if (TIME_EXCEEDED.equals(c.type())) {
        return true;
      }
    }
    return false;
  }
}
