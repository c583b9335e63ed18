package dev.passage.web;

import dev.passage.search.InvalidRequestException;
import dev.passage.search.SearchService;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson3;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the web application: the JSON API, with CORS for other sites, and JSON errors. The app is
 * returned unstarted, so tests start it on any free port and the command line on the chosen one.
 */
public final class PassageServer {

  private static final Logger LOG = LoggerFactory.getLogger(PassageServer.class);

  /**
   * How the server is reached.
   *
   * @param corsOrigins origins allowed to call the API from a browser; empty allows any
   */
  public record Options(List<String> corsOrigins) {

    public Options {
      corsOrigins = List.copyOf(corsOrigins);
    }

    /** Any origin may call the read-only API. */
    public static Options defaults() {
      return new Options(List.of());
    }
  }

  private PassageServer() {}

  /** The application for {@code service}, not yet started. */
  public static Javalin create(SearchService service, Options options) {
    ApiHandlers api = new ApiHandlers(service);
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jsonMapper(new JavalinJackson3(JsonMapper.builder().build(), false));
      config.bundledPlugins.enableCors(cors ->
          cors.addRule(rule -> {
            rule.path = "/api/*";
            if (options.corsOrigins().isEmpty()) {
              rule.anyHost();
            } else {
              String first = options.corsOrigins().getFirst();
              rule.allowHost(
                  first,
                  options
                      .corsOrigins()
                      .subList(1, options.corsOrigins().size())
                      .toArray(String[]::new));
            }
          }));
      config.routes.get("/api/search", api::search);
      config.routes.get("/api/articles/{id}", api::article);
      config.routes.get("/api/health", api::health);
      config.routes.exception(
          InvalidRequestException.class,
          (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST).json(new ErrorResponse(e.getMessage())));
      config.routes.exception(
          Exception.class,
          (e, ctx) -> {
            // The log gets the details; the client gets no stack trace, class or path.
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .json(new ErrorResponse("internal error; the server log has the details"));
          });
      config.routes.exception(
          HttpResponseException.class,
          (e, ctx) -> {
            // Javalin's own answers (no such endpoint, wrong method) as JSON like all others.
            String message =
                e.getStatus() == HttpStatus.NOT_FOUND.getCode()
                    ? "no such page: "
                        + ctx.method()
                        + " "
                        + clip(ctx.path())
                        + "; the API has /api/search, /api/articles/{id} and /api/health"
                    : e.getMessage();
            ctx.status(e.getStatus()).json(new ErrorResponse(message));
          });
    });
  }

  private static String clip(String path) {
    return path.length() > 100 ? path.substring(0, 100) + "…" : path;
  }
}
