package dev.chainbreaker.server.auth;

/** A key as stored: the id (a prefix of its hash, safe to show), role, name, who created it and when. */
public record ApiKey(String id, String hash, Role role, String name, String createdBy, long createdMs) {}
