package dev.passage.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Who may call the admin API: requests carrying the configured token as {@code Authorization:
 * Bearer TOKEN}, from this machine unless remote calls were allowed. The admin API exists only when
 * a token is configured.
 */
public final class AdminAccess {

  /** Shorter tokens can be guessed; a random 16 characters cannot. */
  public static final int MIN_TOKEN_CHARS = 16;

  private final byte[] tokenDigest;
  private final boolean remote;

  private AdminAccess(byte[] tokenDigest, boolean remote) {
    this.tokenDigest = tokenDigest;
    this.remote = remote;
  }

  /**
   * Access for {@code token}; {@code remote} lets other machines call too.
   *
   * @throws IllegalArgumentException when the token is too short to be safe
   */
  public static AdminAccess of(String token, boolean remote) {
    String t = token.strip();
    if (t.length() < MIN_TOKEN_CHARS) {
      throw new IllegalArgumentException(
          "the admin token must be at least "
              + MIN_TOKEN_CHARS
              + " characters long; make one with: openssl rand -hex 24");
    }
    return new AdminAccess(digest(t), remote);
  }

  /** Throws the 403 or 401 that {@code ctx} deserves, or returns when it may proceed. */
  void check(Context ctx) {
    if (!remote && !isLoopback(ctx.req().getRemoteAddr())) {
      throw new ForbiddenResponse(
          "admin requests are accepted from this machine only (serve --admin-remote allows"
              + " others)");
    }
    if (!allows(ctx.header("Authorization"))) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"passage-admin\"");
      throw new UnauthorizedResponse(
          "admin requests need the header 'Authorization: Bearer TOKEN' with the server's"
              + " admin token");
    }
  }

  /** Whether an Authorization header carries the token, compared in constant time. */
  boolean allows(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return false;
    }
    // Digests have one length, so the comparison time says nothing about the token's length.
    return MessageDigest.isEqual(
        tokenDigest, digest(authorization.substring("Bearer ".length()).strip()));
  }

  static boolean isLoopback(String address) {
    if (address == null) {
      return false;
    }
    String literal = address.replace("[", "").replace("]", "");
    // Only literal addresses are passed on, so getByName parses and never looks a name up.
    if (!literal.matches("[0-9.]+|[0-9a-fA-F:.%]*:[0-9a-fA-F:.%]*")) {
      return false;
    }
    try {
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
