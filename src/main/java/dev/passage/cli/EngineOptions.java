package dev.passage.cli;

import dev.passage.engine.SearchEngine;
import dev.passage.index.ArticleStore;
import dev.passage.index.IndexInfo;
import dev.passage.index.Schema;
import dev.passage.opensearch.OpenSearchArticleStore;
import dev.passage.opensearch.OpenSearchConfig;
import dev.passage.opensearch.OpenSearchEngine;
import dev.passage.opensearch.OpenSearchIndex;
import dev.passage.query.SearchParameters;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.opensearch.client.opensearch.OpenSearchClient;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Which engine holds the index: the embedded one (a folder, the default) or an OpenSearch cluster.
 * Every option also reads an environment variable, so a deployment configures the cluster once.
 */
final class EngineOptions {

  /** The engines Passage runs on. */
  enum Engine {
    lucene,
    opensearch
  }

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      defaultValue = "${env:PASSAGE_ENGINE:-lucene}",
      description =
          "lucene (embedded, the default: nothing to install) or opensearch (a cluster; see"
              + " --opensearch). Environment: PASSAGE_ENGINE.")
  Engine engine;

  @Option(
      names = "--opensearch",
      paramLabel = "URLS",
      defaultValue = "${env:PASSAGE_OPENSEARCH}",
      description =
          "The cluster's nodes, comma-separated, such as http://h1:9200,http://h2:9200."
              + " Environment: PASSAGE_OPENSEARCH.")
  String hosts;

  @Option(
      names = "--opensearch-index",
      paramLabel = "NAME",
      defaultValue = "${env:PASSAGE_OPENSEARCH_INDEX:-passage}",
      description =
          "The alias Passage searches on the cluster; each whole build is a new index behind it."
              + " Default: ${DEFAULT-VALUE}. Environment: PASSAGE_OPENSEARCH_INDEX.")
  String index;

  @Option(
      names = "--opensearch-user",
      paramLabel = "USER",
      defaultValue = "${env:PASSAGE_OPENSEARCH_USER}",
      description = "User for basic authentication, with --opensearch-password-file.")
  String user;

  @Option(
      names = "--opensearch-password-file",
      paramLabel = "FILE",
      defaultValue = "${env:PASSAGE_OPENSEARCH_PASSWORD_FILE}",
      description = "File whose first line is the user's password.")
  Path passwordFile;

  @Option(
      names = "--opensearch-api-key-file",
      paramLabel = "FILE",
      defaultValue = "${env:PASSAGE_OPENSEARCH_API_KEY_FILE}",
      description = "File whose first line is an API key, sent as 'Authorization: ApiKey …'.")
  Path apiKeyFile;

  @Option(
      names = "--opensearch-ca-file",
      paramLabel = "FILE",
      defaultValue = "${env:PASSAGE_OPENSEARCH_CA_FILE}",
      description = "PEM certificate of the authority that signed the cluster's (https).")
  Path caFile;

  boolean opensearch() {
    return engine == Engine.opensearch;
  }

  /** The cluster the options name, or a usage error saying what is missing or wrong. */
  Cluster connect(CommandLine.Model.CommandSpec spec) throws IOException {
    if (hosts == null || hosts.isBlank()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--engine opensearch needs the cluster's nodes: --opensearch http://h1:9200,...");
    }
    OpenSearchConfig config;
    try {
      config =
          new OpenSearchConfig(
              OpenSearchConfig.hosts(hosts), index, user, passwordFile, apiKeyFile, caFile);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    OpenSearchClient client = config.client();
    return new Cluster(config, client, new OpenSearchIndex(client, config));
  }

  /** A connection to the cluster; closing it frees the client's connections. */
  record Cluster(OpenSearchConfig config, OpenSearchClient client, OpenSearchIndex index)
      implements Closeable {

    /** The searches of the index, with the names and topics it was tagged with ({@code info}'s). */
    SearchEngine engine(IndexInfo info) throws IOException {
      return new OpenSearchEngine(
          client,
          index,
          new SearchParameters(new Schema(), CorpusOptions.knownValues(info.source())),
          SearchEngine.DEFAULT_TIME_LIMIT);
    }

    /** The articles of the index, for incremental changes. */
    ArticleStore store() {
      return new OpenSearchArticleStore(client, index);
    }

    /** The index on the cluster, for messages. */
    String where() {
      return "the index " + config.index() + " on " + String.join(",", config.hostNames());
    }

    @Override
    public void close() throws IOException {
      try {
        client._transport().close();
      } catch (Exception e) {
        throw new IOException("closing the OpenSearch client: " + e.getMessage(), e);
      }
    }
  }
}
