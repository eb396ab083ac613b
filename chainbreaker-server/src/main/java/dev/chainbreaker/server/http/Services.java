package dev.chainbreaker.server.http;

import dev.chainbreaker.screen.Screener;
import dev.chainbreaker.server.auth.ApiKeys;
import dev.chainbreaker.server.config.ServerConfig;
import dev.chainbreaker.store.Ledger;
import java.util.function.Supplier;

/** What the handlers work with. */
public record Services(ServerConfig config, Ledger ledger, ApiKeys keys, Metrics metrics, Supplier<Screener> screener) {}
