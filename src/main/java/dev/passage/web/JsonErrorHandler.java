package dev.passage.web;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the requests Jetty refuses before Passage sees them (an address over 8 KB, headers too
 * large, a request line it cannot parse) in the API's own shape, {@code {"error": "…"}}, instead of
 * Jetty's HTML page: every answer a client gets is JSON it can read.
 */
final class JsonErrorHandler extends ErrorHandler {

  private final JsonMapper json;

  JsonErrorHandler(JsonMapper json) {
    this.json = json;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    String error =
        switch (code) {
          case HttpStatus.URI_TOO_LONG_414 ->
              "the address is longer than Passage accepts (8 KB); shorten the query or the filters";
          case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 ->
              "the request's headers are larger than Passage accepts (8 KB)";
          case HttpStatus.SERVICE_UNAVAILABLE_503 ->
              "Passage is stopping and takes no new requests; try again in a moment";
          default ->
              code < 500
                  ? "the request cannot be read: " + HttpStatus.getMessage(code)
                  : "internal error; the server log has the details";
        };
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.write(
        true, ByteBuffer.wrap(json.writeValueAsBytes(new ErrorResponse(error))), callback);
  }
}
