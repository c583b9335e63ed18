package dev.passage.web;

import dev.passage.search.InvalidRequestException;
import dev.passage.search.SearchService;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson3;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the web application: the JSON API, with CORS for other sites, and JSON errors; the search
 * page, the article page and the embeddable search box, served from the jar's {@code /web}
 * resources. The app is returned unstarted, so tests start it on any free port and the command line
 * on the chosen one.
 */
public final class PassageServer {

  private static final Logger LOG = LoggerFactory.getLogger(PassageServer.class);

  /**
   * How the server is reached.
   *
   * @param corsOrigins origins allowed to call the API from a browser, as {@code
   *     scheme://host[:port]}; empty allows any
   */
  public record Options(List<String> corsOrigins) {

    public Options {
      corsOrigins = corsOrigins.stream().map(Options::origin).distinct().toList();
    }

    /** Any origin may call the read-only API. */
    public static Options defaults() {
      return new Options(List.of());
    }

    /**
     * An origin as browsers send it, or an {@link IllegalArgumentException} saying what is wrong: a
     * path or a missing scheme would never match any request, and silently so.
     */
    static String origin(String given) {
      // Browsers send scheme and host in lower case, and an origin has nothing else that cares.
      String origin = given.strip().toLowerCase(java.util.Locale.ROOT);
      if (origin.endsWith("/")) {
        origin = origin.substring(0, origin.length() - 1);
      }
      URI uri;
      try {
        uri = new URI(origin);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(
            "'" + given + "' is not an origin such as https://example.org");
      }
      boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      if (!web
          || uri.getHost() == null
          || !uri.getRawPath().isEmpty()
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null
          || uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException(
            "'"
                + given
                + "' is not an origin: give the scheme, host and port only, such as"
                + " https://example.org or http://localhost:8080");
      }
      return origin;
    }
  }

  /** Where the pages, scripts and styles live on the classpath. */
  static final String WEB_RESOURCES = "/web";

  private PassageServer() {}

  /** The application for {@code service}, not yet started. */
  public static Javalin create(SearchService service, Options options) {
    JsonMapper json = JsonMapper.builder().build();
    ApiHandlers api = new ApiHandlers(service, json);
    PageHandlers pages = new PageHandlers(WEB_RESOURCES);
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.staticFiles.add(files -> {
        files.hostedPath = "/";
        files.directory = WEB_RESOURCES;
        files.location = Location.CLASSPATH;
        // Revalidated on every load (cheap, by ETag), so an upgraded server is never half cached.
        files.headers = SecurityHeaders.PAGES;
      });
      config.routes.before(SecurityHeaders::noSniffing);
      config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler(json)));
      config.jsonMapper(new JavalinJackson3(json, false));
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
      config.routes.get("/articles/{id}", pages::article);
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
                        + "; Passage has the search page /, /articles/{id}, /embed.js, and the API"
                        + " /api/search, /api/articles/{id} and /api/health"
                    : e.getMessage();
            ctx.status(e.getStatus()).json(new ErrorResponse(message));
          });
    });
  }

  private static String clip(String path) {
    return path.length() > 100 ? path.substring(0, 100) + "…" : path;
  }
}
