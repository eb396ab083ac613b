package dev.chainbreaker.core;

import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.graph.IdentityGraph;
import dev.chainbreaker.core.rules.RulePack;
import dev.chainbreaker.core.state.PhoneState;
import dev.chainbreaker.screen.Verdict;

/**
 * The step function itself, for hosts that keep the state elsewhere (a Flink job keeps each phone's
 * state in keyed state and the identity graph in a keyed stage of its own): exactly what
 * {@link Engine#decide} runs, minus the engine's in-memory maps, retry cache and screener.
 */
public final class Step {
  private final Decider decider;

  public Step(RulePack pack) {
    this.decider = new Decider(pack);
  }

  public RulePack pack() {
    return decider.pack();
  }

  /**
   * Decides {@code e} for the phone whose numeric key ({@link dev.chainbreaker.core.event.PhoneNumbers#key})
   * is {@code phone}, updating {@code state} and {@code graph} in place. {@code verdict} is the
   * screener's verdict for a {@code message.received} event, else null.
   */
  public Decision decide(Event e, long phone, PhoneState state, IdentityGraph graph, Verdict verdict) {
    return decider.decide(e, phone, state, graph, verdict);
  }
}
