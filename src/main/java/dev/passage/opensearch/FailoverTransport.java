package dev.passage.opensearch;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.CompletableFuture;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.transport.Endpoint;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.TransportOptions;

/**
 * Sends a request to the next node when the node asked refuses the connection: the client's own
 * transport marks such a node dead but answers the request with the failure, so a node killed under
 * a running server would fail one request per client thread. Only refused connections are retried:
 * the request never reached a node, so sending it again cannot apply it twice.
 */
final class FailoverTransport implements OpenSearchTransport {

  private final OpenSearchTransport delegate;
  private final int nodes;

  FailoverTransport(OpenSearchTransport delegate, int nodes) {
    this.delegate = delegate;
    this.nodes = nodes;
  }

  @Override
  public <RequestT, ResponseT, ErrorT> ResponseT performRequest(
      RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options)
      throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        return delegate.performRequest(request, endpoint, options);
      } catch (IOException e) {
        if (attempt >= nodes || !refused(e)) {
          throw e;
        }
      }
    }
  }

  private static boolean refused(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return true;
      }
    }
    return false;
  }

  @Override
  public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(
      RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
    return delegate.performRequestAsync(request, endpoint, options);
  }

  @Override
  public JsonpMapper jsonpMapper() {
    return delegate.jsonpMapper();
  }

  @Override
  public TransportOptions options() {
    return delegate.options();
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }
}
