package dev.passage.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passage.testing.ClusterIndex;
import dev.passage.testing.Fixtures;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch.cluster.HealthResponse;
import org.opensearch.client.opensearch.indices.recovery.ShardRecovery;

/**
 * A whole build on the two-node test cluster loads its new index without a replica, then has the
 * cluster copy the replica from the committed files: the paragraphs are indexed once, and the index
 * searches move to is whole on both nodes.
 */
class ReplicaCopyTest {

  @Test
  void aWholeBuildIsServedGreenWithItsReplicaCopiedFromCommittedFilesNotIndexedAgain()
      throws Exception {
    try (ClusterIndex built = ClusterIndex.build("replicas", Fixtures.SEED_ARTICLES)) {
      OpenSearchClient client = built.client();
      Set<String> behindAlias =
          client.indices().getAlias(a -> a.name("replicas")).result().keySet();
      assertThat(behindAlias).hasSize(1);
      String index = behindAlias.iterator().next();

      HealthResponse health = client.cluster().health(h -> h.index(index));
      assertThat(health.status()).isEqualTo(HealthStatus.Green);
      assertThat(health.activeShards()).isEqualTo(4);

      List<ShardRecovery> replicas =
          client.indices().recovery(r -> r.index(index)).result().get(index).shards().stream()
              .filter(s -> !s.primary())
              .toList();
      assertThat(replicas)
          .hasSize(2)
          .allSatisfy(replica -> {
            assertThat(replica.type()).isEqualTo("PEER");
            assertThat(replica.stage()).isEqualTo("DONE");
            assertThat(replica.index().files().recovered()).isPositive();
            assertThat(replica.translog().recovered()).isZero();
          });
    }
  }
}
