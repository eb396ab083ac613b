package dev.chainbreaker.screen.domain;

/**
 * What the Public Suffix List says about a host (ASCII form). {@code registrableDomain} uses the
 * ICANN and private sections, {@code icannRegistrableDomain} the ICANN section only; either is null
 * when the host is itself a public suffix. {@code privateSuffix} is true when the prevailing rule
 * comes from the private section (free hosting, dynamic DNS), {@code listedTld} when the top-level
 * label is in the list at all.
 */
public record DomainInfo(
    String host,
    String publicSuffix,
    String registrableDomain,
    String icannRegistrableDomain,
    boolean privateSuffix,
    boolean listedTld) {}
