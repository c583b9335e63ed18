package dev.passage.web;

import dev.passage.engine.EngineUnavailableException;
import dev.passage.engine.InvalidRequestException;
import dev.passage.engine.QuotedInput;
import dev.passage.engine.SearchEngine;
import dev.passage.index.LiveIndex;
import dev.passage.index.Reindexer;
import io.javalin.Javalin;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.JavalinStaticResourceHandler;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson3;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jetty.server.handler.GracefulHandler;
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
   * @param admin who may call the admin API; empty turns it off (its paths answer 404)
   */
  public record Options(List<String> corsOrigins, Optional<AdminAccess> admin) {

    public Options {
      corsOrigins = corsOrigins.stream().map(Options::origin).distinct().toList();
    }

    /** The given origins, no admin API. */
    public Options(List<String> corsOrigins) {
      this(corsOrigins, Optional.empty());
    }

    /** Any origin may call the read-only API; no admin API. */
    public static Options defaults() {
      return new Options(List.of());
    }

    /**
     * An origin as browsers send it, or an {@link IllegalArgumentException} saying what is wrong: a
     * path or a missing scheme would never match any request, and silently so.
     */
    static String origin(String given) {
      // Browsers send scheme and host in lower case, and an origin has nothing else that cares.
      String origin = given.strip().toLowerCase(Locale.ROOT);
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

  /** How long stopping waits for requests under way. */
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  /**
   * Only the admin API's articles take a body, and they read it with limits of their own; any other
   * body larger than this is refused unread.
   */
  static final long MAX_REQUEST_BYTES = 64 * 1024;

  /** Where the pages, scripts and styles live on the classpath. */
  static final String WEB_RESOURCES = "/web";

  private PassageServer() {}

  /** The application for {@code service}, without an admin API, not yet started. */
  public static Javalin create(SearchEngine service, Options options) {
    return create(service, null, null, options);
  }

  /**
   * The application for {@code service}, not yet started; {@code reindexer} and {@code live} serve
   * the admin API when {@code options} configure one.
   */
  public static Javalin create(
      SearchEngine service, Reindexer reindexer, LiveIndex live, Options options) {
    if (options.admin().isPresent() && (reindexer == null || live == null)) {
      throw new IllegalArgumentException("an admin API needs a reindexer and a live index");
    }
    JsonMapper json = JsonMapper.builder().build();
    ApiHandlers api = new ApiHandlers(service, json);
    Optional<AdminHandlers> admin =
        options.admin().map(access -> new AdminHandlers(reindexer, live, access));
    PageHandlers pages = new PageHandlers(service, WEB_RESOURCES);
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      // Javalin's own handler reads each file through the class loader; Jetty's, the default,
      // mounted the whole jar as a file system on the way to serve's first answer.
      config.resourceHandler(new JavalinStaticResourceHandler());
      config.staticFiles.add(files -> {
        files.hostedPath = "/";
        files.directory = WEB_RESOURCES;
        files.location = Location.CLASSPATH;
        // Revalidated on every load (cheap, by ETag), so an upgraded server is never half cached.
        files.headers = SecurityHeaders.PAGES;
      });
      config.routes.before(SecurityHeaders::noSniffing);
      config.routes.before("/api/*", SecurityHeaders::revalidate);
      config.jetty.modifyServer(server -> {
        server.setErrorHandler(new JsonErrorHandler(json));
        // On stop (SIGTERM), new requests get a 503 and those under way finish and are
        // written out, for up to STOP_TIMEOUT; Javalin nests its handlers inside this one.
        server.setHandler(new GracefulHandler());
        server.setStopTimeout(STOP_TIMEOUT.toMillis());
      });
      config.http.maxRequestSize = MAX_REQUEST_BYTES;
      // POST /api/search is a wrong method, not a missing page: say which methods the path takes.
      config.http.prefer405over404 = true;
      config.jsonMapper(new JavalinJackson3(json, false));
      config.bundledPlugins.enableCors(cors -> {
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
        });
        // Any embedding page must import these public modules; the API keeps its own origin list.
        cors.addRule(rule -> {
          rule.path = "/embed/*";
          rule.anyHost();
        });
      });
      config.routes.get("/api/search", api::search);
      config.routes.get("/api/suggest", api::suggest);
      config.routes.get("/api/facets/{dimension}", api::facetValues);
      config.routes.get("/api/articles/{id}", api::article);
      config.routes.get("/api/health", api::health);
      config.routes.get("/articles/{id}", pages::article);
      admin.ifPresent(handlers -> {
        config.routes.post("/api/admin/reindex", handlers::reindex);
        config.routes.get("/api/admin/reindex", handlers::status);
        config.routes.put("/api/admin/articles/{id}", handlers::putArticle);
        config.routes.delete("/api/admin/articles/{id}", handlers::deleteArticle);
        config.routes.post("/api/admin/articles", handlers::putArticles);
      });
      config.routes.exception(
          InvalidRequestException.class,
          (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST).json(new ErrorResponse(e.getMessage())));
      config.routes.exception(
          EngineUnavailableException.class,
          (e, ctx) -> {
            LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(Header.RETRY_AFTER, "5")
                .json(new ErrorResponse(e.getMessage()));
          });
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
            // Javalin's own answers (no such endpoint, wrong method): a page address that does
            // not exist gets a page a reader can follow; the API answers JSON like all its errors.
            boolean apiPath = ctx.path().startsWith("/api/") || ctx.path().equals("/api");
            if (e.getStatus() == HttpStatus.NOT_FOUND.getCode() && !apiPath) {
              pages.notFound(ctx);
              return;
            }
            String message;
            if (e.getStatus() == HttpStatus.NOT_FOUND.getCode()) {
              message =
                  "no such page: "
                      + ctx.method()
                      + " "
                      + QuotedInput.clip(ctx.path(), 100)
                      + "; Passage has the search page /, /articles/{id}, /embed.js, and the API"
                      + " /api/search, /api/articles/{id} and /api/health";
            } else if (e.getStatus() == HttpStatus.METHOD_NOT_ALLOWED.getCode()) {
              String allowed = String.join(", ", e.getDetails().values());
              ctx.header(Header.ALLOW, allowed);
              message =
                  ctx.method()
                      + " is not allowed on "
                      + QuotedInput.clip(ctx.path(), 100)
                      + "; use "
                      + allowed;
            } else {
              message = e.getMessage();
            }
            ctx.status(e.getStatus()).json(new ErrorResponse(message));
          });
    });
  }
}
