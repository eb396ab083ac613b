package dev.chainbreaker.bench;

import dev.chainbreaker.core.Engine;
import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.event.Sensitive;
import dev.chainbreaker.core.rules.RulePack;
import dev.chainbreaker.core.rules.RulePackLoader;
import dev.chainbreaker.screen.Screener;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A parsed event mix plus what it takes to build fresh engines over it cheaply (shared pack, screener, key). */
final class Mix {
  final RulePack pack = RulePackLoader.defaultPack();
  final Screener screener = Screener.standard();
  final Sensitive sensitive = new Sensitive("chainbreaker-bench-secret-0123456789".getBytes(StandardCharsets.UTF_8));
  final Event[] events;

  Mix(int phones, int days, long seed) {
    List<String> lines = EventMix.generate(phones, days, seed);
    Engine parser = engine(1);
    events = new Event[lines.size()];
    for (int i = 0; i < events.length; i++) {
      events[i] = parser.codec().parse(lines.get(i));
    }
  }

  /** A fresh engine: empty state, the default pack, the bundled screener. */
  Engine engine(int dedupCapacity) {
    return Engine.builder().rules(pack).screener(screener).sensitive(sensitive).dedupCapacity(dedupCapacity).build();
  }
}
