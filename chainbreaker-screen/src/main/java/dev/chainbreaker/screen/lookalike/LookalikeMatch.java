package dev.chainbreaker.screen.lookalike;

import dev.chainbreaker.screen.brand.Brand;

/**
 * A host that imitates a brand. {@code method} is how: {@code embedded_domain} (the brand's domain
 * sits inside the host, {@code mohrss.gov.cn.q7k2.top}), {@code permutation} (one of the
 * dnstwist-style permutations of a brand domain, {@code alipya.com}), {@code brand_token} (the brand's name is a
 * part of a label, {@code icbc-pay.top}), {@code skeleton} (UTS #39 confusable, {@code m0hrss},
 * Cyrillic {@code о}), {@code edit_distance} (a typo, {@code cmbchlna-pts.top}). {@code target} is the
 * brand label or domain it imitates.
 */
public record LookalikeMatch(Brand brand, String method, String target) {}
