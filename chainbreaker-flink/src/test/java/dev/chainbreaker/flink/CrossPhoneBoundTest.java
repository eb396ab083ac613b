package dev.chainbreaker.flink;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.core.Decision;
import dev.chainbreaker.core.DecisionJson;
import dev.chainbreaker.core.Engine;
import dev.chainbreaker.core.Step;
import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.event.EventType;
import dev.chainbreaker.core.event.PhoneNumbers;
import dev.chainbreaker.core.graph.IdentityGraph;
import dev.chainbreaker.core.rules.RulePack;
import dev.chainbreaker.core.rules.RulePackLoader;
import dev.chainbreaker.core.state.PhoneState;
import dev.chainbreaker.core.state.StateCodec;
import dev.chainbreaker.screen.Screener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the distributed design can cost, measured rather than assumed. Without the feedback topic
 * (file mode, or a risk fact still in flight) a phone sees only its own part of the identity graph.
 * This replays a simulated population through the embedded engine (one global graph) and through
 * the same step function with one graph per phone (the phone stage with no feedback at all, the
 * worst case), and bounds the difference: every differing decision must be one where the global
 * graph carried another phone's knowledge, i.e. an {@code identity.*} reason.
 *
 * <p>It also reports the state the phone stage keeps per phone (the core's encoded state plus the
 * phone's entity view), for the sizing in docs/flink.md.
 */
class CrossPhoneBoundTest {
  @Test
  void onlyCrossPhoneIdentityDecisionsDependOnTheFeedback() {
    List<String> lines = Harness.populationLines(5_000, 2, 11);
    Map<String, String> global = Harness.reference(lines);

    Engine parser = Harness.engine();
    RulePack pack = RulePackLoader.defaultPack();
    Step step = new Step(pack);
    StateCodec codec = new StateCodec(pack.signalNames(), pack.counterNames(), pack.counterWindows(), RulePack.COUNTER_BUCKETS);
    Map<Long, PhoneState> states = new HashMap<>();
    Map<Long, IdentityGraph> graphs = new HashMap<>();
    Map<Long, java.util.Set<Long>> kept = new HashMap<>(); // what the phone stage keeps in its entity view
    Screener screener = Screener.standard();
    List<String> diffs = new ArrayList<>();
    for (String line : lines) {
      Event e = parser.codec().parse(line);
      long phone = PhoneNumbers.key(e.subject());
      PhoneState s = states.computeIfAbsent(phone, k -> new PhoneState());
      IdentityGraph g = graphs.computeIfAbsent(phone, k -> new IdentityGraph(16));
      var verdict = e.type() == EventType.MESSAGE_RECEIVED && e.data().text() != null ? screener.screen(e.data().text(), e.data().sender()) : null;
      Decision d = step.decide(e, phone, s, g, verdict);
      for (var p : new dev.chainbreaker.core.event.Protected[] {e.data().idNumber(), e.data().card(), e.data().disburseTo(), e.data().account()}) {
        if (p != null && g.get(p.hash()) != null) {
          var en = g.get(p.hash());
          if (EntityFact.of(en, phone).worthKeeping()) {
            kept.computeIfAbsent(phone, k -> new java.util.HashSet<>()).add(p.hash());
          }
        }
      }
      String local = DecisionJson.toReplayJson(d, e);
      String embedded = global.get(Harness.key(e.source(), e.id()));
      if (!local.equals(embedded)) {
        diffs.add(embedded + "\n   phone-local graph: " + local);
      }
    }
    long bytes = 0;
    for (PhoneState s : states.values()) {
      bytes += codec.encode(s).length;
    }
    long entities = 0;
    for (IdentityGraph g : graphs.values()) {
      entities += g.size();
    }
    long viewBytes = 0;
    long views = 0;
    var serializer = org.apache.flink.api.common.typeinfo.TypeInformation.of(EntityFact.class)
        .createSerializer(new org.apache.flink.api.common.serialization.SerializerConfigImpl());
    var out = new org.apache.flink.core.memory.DataOutputSerializer(256);
    for (var entry : kept.entrySet()) {
      for (long h : entry.getValue()) {
        out.clear();
        try {
          serializer.serialize(EntityFact.of(graphs.get(entry.getKey()).get(h), entry.getKey()), out);
        } catch (java.io.IOException ex) {
          throw new java.io.UncheckedIOException(ex);
        }
        viewBytes += out.length() + 8; // + the map key
        views++;
      }
    }
    System.out.printf("cross-phone bound: %d events, %d phones, %d decisions depend on another phone's part of the graph%n",
        lines.size(), states.size(), diffs.size());
    System.out.printf("state: %.1f encoded bytes per phone (StateCodec), %.2f graph entities per phone%n",
        (double) bytes / states.size(), (double) entities / states.size());
    System.out.printf("entity view: %.2f kept entities per phone, %.1f serialized bytes each, %.1f bytes per phone%n",
        (double) views / states.size(), views == 0 ? 0.0 : (double) viewBytes / views, (double) viewBytes / states.size());
    diffs.forEach(d -> System.out.println("  " + d));
    for (String d : diffs) {
      assertTrue(d.contains("\"code\":\"identity."), "a decision that differs without another reason than the graph:\n" + d);
    }
    assertTrue(diffs.size() <= lines.size() / 10_000, diffs.size() + " cross-phone decisions: more than 1 in 10,000 events");
  }
}
