package dev.passage.web;

import dev.passage.engine.ArticleRequest;
import dev.passage.engine.ArticleView;
import dev.passage.engine.InvalidRequestException;
import dev.passage.engine.QuotedInput;
import dev.passage.engine.ResultFormat;
import dev.passage.engine.SearchEngine;
import dev.passage.engine.SearchRequest;
import dev.passage.engine.SearchResponse;
import dev.passage.query.SearchParameters;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.jetty.io.EofException;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON API's handlers. They only translate HTTP: parameters in, a record out; validation and
 * searching live in {@link SearchParameters} and {@link SearchEngine}.
 */
final class ApiHandlers {

  /** The longest article id looked up; longer ids cannot exist. */
  static final int MAX_ID_CHARS = 512;

  private final SearchEngine service;
  private final JsonMapper json;

  ApiHandlers(SearchEngine service, JsonMapper json) {
    this.service = service;
    this.json = json;
  }

  /**
   * {@code GET /api/search}: the answer is streamed into the response, with no copy of it in
   * between (a byte array handed to Javalin was copied once more, through a fresh buffer, and was 2
   * % of a loaded server); Javalin's stream still compresses it for clients that accept gzip.
   */
  void search(Context ctx) throws InvalidRequestException, IOException {
    QueryStrings.check(ctx.queryString());
    SearchRequest request = service.parse(ctx.queryParamMap());
    SearchResponse response = service.search(request);
    ResultFormat format = request.format();
    try {
      if (format.download()) {
        ctx.contentType(HitDownload.contentType(format))
            .header(
                Header.CONTENT_DISPOSITION,
                "attachment; filename=\"" + HitDownload.fileName(format) + "\"");
        HitDownload.write(format, response.hits(), json, ctx.outputStream());
      } else {
        ctx.contentType(ContentType.APPLICATION_JSON);
        json.writeValue(ctx.outputStream(), response);
      }
    } catch (JacksonIOException | EofException e) {
      // The client went away mid-answer: there is no one left to tell.
    }
  }

  /** {@code GET /api/articles/{id}}: 404 when there is no such article. */
  void article(Context ctx) throws InvalidRequestException, IOException {
    QueryStrings.check(ctx.queryString());
    String id = ctx.pathParam("id");
    ArticleRequest request = service.parseArticle(id, ctx.queryParamMap());
    Optional<ArticleView> article =
        id.length() > MAX_ID_CHARS ? Optional.empty() : service.article(request);
    if (article.isEmpty()) {
      ctx.status(HttpStatus.NOT_FOUND)
          .json(new ErrorResponse("no article with id '" + QuotedInput.clip(id, 80) + "'"));
      return;
    }
    ctx.json(article.get());
  }

  /** {@code GET /api/facets/{dimension}}: a dimension's values among a search's matches. */
  void facetValues(Context ctx) throws InvalidRequestException, IOException {
    QueryStrings.check(ctx.queryString());
    ctx.json(
        service.facetValues(
            service.parseFacetValues(ctx.pathParam("dimension"), ctx.queryParamMap())));
  }

  /** {@code GET /api/suggest}: facet values completing what the reader has typed. */
  void suggest(Context ctx) throws InvalidRequestException, IOException {
    QueryStrings.check(ctx.queryString());
    ctx.json(service.suggest(service.parseSuggest(ctx.queryParamMap())));
  }

  /** {@code GET /api/health}. */
  void health(Context ctx) throws IOException {
    ctx.json(service.health());
  }
}
