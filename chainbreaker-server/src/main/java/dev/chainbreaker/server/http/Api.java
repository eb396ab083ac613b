package dev.chainbreaker.server.http;

import dev.chainbreaker.server.auth.ApiKey;
import dev.chainbreaker.server.auth.Role;
import dev.chainbreaker.store.StoreException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson3;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP API under {@code /v1}: the route table, authentication by bearer API key, RFC 9457
 * problems for every error (never a stack trace), and request metrics.
 */
public final class Api {
  public static final String KEY_ATTRIBUTE = "chainbreaker.key";
  static final String PROBLEM_TYPE = "application/problem+json";
  private static final String PROBLEM_WRITTEN = "chainbreaker.problem";

  private final Services s;
  private final PrintStream log;
  private final List<Route> routes;
  private final byte[] openapi;
  /** "METHOD path" → the query parameters the route takes, from the OpenAPI document. */
  private final Map<String, Set<String>> queryParameters;

  public Api(Services s, PrintStream log) {
    this.s = s;
    this.log = log;
    this.openapi = resource("openapi.json");
    this.queryParameters = queryParameters(openapi);
    EventsHandler events = new EventsHandler(s);
    ReadHandlers reads = new ReadHandlers(s);
    ScreenHandler screen = new ScreenHandler(s);
    RulesHandler rules = new RulesHandler(s);
    KeysHandler keys = new KeysHandler(s);
    BackupsHandler backups = new BackupsHandler(s);
    CasesHandler cases = new CasesHandler(s);
    Set<Role> ingest = EnumSet.of(Role.INGEST);
    Set<Role> analyst = EnumSet.of(Role.ANALYST);
    Set<Role> anyRole = EnumSet.allOf(Role.class);
    Set<Role> admin = EnumSet.noneOf(Role.class);
    this.routes = List.of(
        Route.of(HandlerType.POST, "/v1/events", ingest, events::post),
        Route.of(HandlerType.GET, "/v1/subjects/{phone}", analyst, reads::subject),
        Route.of(HandlerType.GET, "/v1/decisions", analyst, reads::decisions),
        // analysts too: the console's screening playground
        Route.of(HandlerType.POST, "/v1/messages/screen", EnumSet.of(Role.INGEST, Role.ANALYST), screen::post),
        Route.of(HandlerType.GET, "/v1/rules", analyst, rules::get),
        Route.of(HandlerType.PUT, "/v1/rules", admin, rules::put),
        Route.of(HandlerType.POST, "/v1/rules/dry-run", analyst, rules::dryRun),
        Route.of(HandlerType.GET, "/v1/rules/history", analyst, rules::history),
        Route.of(HandlerType.GET, "/v1/cases", analyst, cases::list),
        Route.of(HandlerType.GET, "/v1/cases/export", analyst, cases::export),
        Route.of(HandlerType.PUT, "/v1/cases/{phone}", analyst, cases::put),
        Route.of(HandlerType.GET, "/v1/me", anyRole, keys::me),
        Route.of(HandlerType.POST, "/v1/keys", admin, keys::create),
        Route.of(HandlerType.GET, "/v1/keys", admin, keys::list),
        Route.of(HandlerType.DELETE, "/v1/keys/{id}", admin, keys::delete),
        Route.of(HandlerType.POST, "/v1/backups", admin, backups::create),
        Route.open(HandlerType.GET, "/healthz", this::health),
        Route.of(HandlerType.GET, "/metrics", anyRole, ctx -> ctx.status(200).contentType("text/plain; version=0.0.4; charset=utf-8").result(s.metrics().scrape())),
        Route.of(HandlerType.GET, "/openapi.json", anyRole, ctx -> ctx.status(200).contentType(Json.TYPE).result(openapi)));
  }

  public List<Route> routes() {
    return routes;
  }

  private static byte[] resource(String name) {
    try (InputStream in = Api.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds (does not start) the Javalin app. */
  public Javalin create() {
    return Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.startup.showOldJavalinVersionWarning = false;
      cfg.http.maxRequestSize = s.config().maxBodyBytes();
      cfg.http.prefer405over404 = true;
      cfg.jsonMapper(new JavalinJackson3(JsonMapper.builder().build(), false));
      // Errors Jetty answers itself, before any route runs (an undecodable path, a '..' above the root,
      // oversized headers): the same problem+json as ours, not its HTML page.
      cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
      for (Route r : routes) {
        cfg.routes.addHttpHandler(r.method(), r.path(), ctx -> handle(r, ctx));
      }
      // the console's static files: not API routes (no key, not in openapi.json)
      Console console = new Console();
      cfg.routes.addHttpHandler(HandlerType.GET, "/", ctx -> handleStatic(ctx, console::index));
      cfg.routes.addHttpHandler(HandlerType.GET, "/console/<path>", ctx -> handleStatic(ctx, console::asset));
      cfg.routes.error(404, ctx -> unmatched(ctx, 404, "not-found", "Not found", "no route " + ctx.method() + " " + ctx.path()));
      cfg.routes.error(405, ctx -> unmatched(ctx, 405, "method-not-allowed", "Method not allowed", ctx.method() + " is not allowed on " + ctx.path()));
      cfg.routes.exception(Exception.class, (e, ctx) -> {
        log.println("chainbreaker: internal error on " + ctx.method() + " " + ctx.path() + ": " + e.getClass().getSimpleName());
        problem(ctx, new Problem(500, "internal-error", "Internal error", "the request could not be completed", null));
      });
    });
  }

  private void handle(Route r, Context ctx) {
    long t0 = System.nanoTime();
    try {
      if (!r.open()) {
        authorize(r, ctx);
      }
      // every route, whether it reads parameters or not: a malformed query string is a 400, never ignored
      Map<String, List<String>> query = Requests.queryParams(ctx);
      if (!query.isEmpty()) {
        rejectUnknown(r, query.keySet());
      }
      r.handler().handle(ctx);
    } catch (Problem p) {
      problem(ctx, p);
    } catch (StoreException e) {
      log.println("chainbreaker: storage error on " + ctx.method() + " " + ctx.path() + ": " + e.getMessage()); // RocksDB status text, no event data
      problem(ctx, new Problem(503, "storage-unavailable", "Storage unavailable", "the event could not be stored; it was not acknowledged", null));
    } catch (Exception e) {
      // Bad input must never get here (it is a Problem); this is a bug. Log where, never the message or the
      // request: either could carry a raw identifier.
      log.println("chainbreaker: internal error on " + ctx.method() + " " + ctx.path() + ": " + e.getClass().getName()
          + (e.getStackTrace().length > 0 ? " at " + e.getStackTrace()[0] : ""));
      problem(ctx, new Problem(500, "internal-error", "Internal error", "the request could not be completed", null));
    } finally {
      s.metrics().request(r.method().name(), r.path(), ctx.statusCode(), System.nanoTime() - t0);
    }
  }

  /**
   * A parameter the route does not take is a 400 naming it, not ignored: {@code ?decison=DENY} would
   * otherwise answer every decision, and the analyst would read it as the filtered list.
   */
  private void rejectUnknown(Route r, Set<String> names) {
    Set<String> known = queryParameters.getOrDefault(r.method().name() + " " + r.path(), Set.of());
    for (String name : names) {
      if (!known.contains(name)) {
        String clipped = name.length() > 64 ? name.substring(0, 64) + "…" : name;
        throw Problem.invalid(clipped, "is not a query parameter of " + r.method().name() + " " + r.path()
            + (known.isEmpty() ? ", which takes none" : "; it takes " + String.join(", ", new TreeSet<>(known))));
      }
    }
  }

  /** The query parameters of every operation in the OpenAPI document, by "METHOD path". */
  static Map<String, Set<String>> queryParameters(byte[] openapi) {
    Map<String, Set<String>> out = new HashMap<>();
    JsonNode paths = Json.MAPPER.readTree(openapi).path("paths");
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      Set<String> common = queryNames(path.getValue().path("parameters")); // shared by the path's operations
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (op.getKey().equals("parameters")) {
          continue;
        }
        Set<String> names = new HashSet<>(common);
        names.addAll(queryNames(op.getValue().path("parameters")));
        out.put(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), Set.copyOf(names));
      }
    }
    return Map.copyOf(out);
  }

  private static Set<String> queryNames(JsonNode parameters) {
    Set<String> names = new HashSet<>();
    for (JsonNode p : parameters) {
      if ("query".equals(p.path("in").asString(""))) {
        names.add(p.path("name").asString());
      }
    }
    return names;
  }

  private static void handleStatic(Context ctx, io.javalin.http.Handler h) throws Exception {
    try {
      h.handle(ctx);
    } catch (Problem p) {
      problem(ctx, p);
    }
  }

  private void authorize(Route r, Context ctx) {
    String h = ctx.header("Authorization");
    if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new Problem(401, "unauthorized", "Unauthorized", "send an API key as 'Authorization: Bearer KEY'", "Authorization");
    }
    ApiKey key = s.keys().verify(h.substring(7).strip());
    if (key == null) {
      ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      throw new Problem(401, "unauthorized", "Unauthorized", "unknown or revoked API key", "Authorization");
    }
    if (!r.allows(key.role())) {
      throw new Problem(403, "forbidden", "Forbidden", "the " + key.role().wire() + " role may not " + r.method().name() + " " + r.path(), "Authorization");
    }
    ctx.attribute(KEY_ATTRIBUTE, key);
  }

  private void health(Context ctx) {
    ObjectNode o = Json.object();
    boolean ok = !s.ledger().failed();
    o.put("status", ok ? "ok" : "failed");
    o.put("durability", s.config().durability().wire());
    o.put("events", s.ledger().store().lastSequence());
    o.put("ruleVersion", s.ledger().currentRuleVersion());
    var r = s.ledger().recovery();
    ObjectNode rec = o.putObject("recovery");
    rec.put("mode", r.mode()).put("events", r.events()).put("phones", r.phones()).put("entities", r.entities())
        .put("decisionMismatches", r.decisionMismatches()).put("stateMismatches", r.stateMismatches())
        .put("entityMismatches", r.entityMismatches()).put("graphCompared", r.graphCompared()).put("millis", r.millis());
    Json.send(ctx, ok ? 200 : 503, o);
  }

  private void unmatched(Context ctx, int status, String slug, String title, String detail) {
    if (ctx.attribute(PROBLEM_WRITTEN) != null) {
      return; // a handler already answered with its own problem
    }
    // Counted under one label, not the path: a scanner walking random paths must not grow the metrics.
    s.metrics().unmatched(ctx.method().name(), status);
    problem(ctx, new Problem(status, slug, title, detail, null));
  }

  static void problem(Context ctx, Problem p) {
    Requests.drainUnread(ctx);
    ctx.attribute(PROBLEM_WRITTEN, Boolean.TRUE);
    ctx.status(p.status()).contentType(PROBLEM_TYPE).result(problemBody(p, ctx.path()));
  }

  /** The RFC 9457 body of a problem: type, title, status, detail, the field when named, the instance when given. */
  static byte[] problemBody(Problem p, String instance) {
    ObjectNode o = Json.object();
    o.put("type", p.type());
    o.put("title", p.title());
    o.put("status", p.status());
    o.put("detail", p.detail());
    if (p.field() != null) {
      o.put("field", p.field());
    }
    if (instance != null) {
      o.put("instance", instance);
    }
    return Json.MAPPER.writeValueAsString(o).getBytes(StandardCharsets.UTF_8);
  }
}
