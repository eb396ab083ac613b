package dev.chainbreaker.server.http;

import dev.chainbreaker.server.auth.Role;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Set;

/**
 * One registered route: method, path (OpenAPI template syntax), the roles allowed besides admin
 * (empty: no key needed) and the handler. The route table is the single list that Javalin is
 * configured from and that the OpenAPI test checks.
 */
public record Route(HandlerType method, String path, Set<Role> roles, boolean open, Handler handler) {
  public static Route open(HandlerType method, String path, Handler handler) {
    return new Route(method, path, Set.of(), true, handler);
  }

  public static Route of(HandlerType method, String path, Set<Role> roles, Handler handler) {
    return new Route(method, path, roles, false, handler);
  }

  public boolean allows(Role role) {
    return role == Role.ADMIN || roles.contains(role);
  }
}
