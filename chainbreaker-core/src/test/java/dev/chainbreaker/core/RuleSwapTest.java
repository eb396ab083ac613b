package dev.chainbreaker.core;

import static dev.chainbreaker.core.Fixtures.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.chainbreaker.core.rules.RulePack;
import dev.chainbreaker.core.rules.RulePackLoader;
import dev.chainbreaker.core.state.PhoneState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Swapping in a pack whose signals are listed differently keeps each phone's history under the same
 * signal names: a state's marks are positions in the pack's list, and read against another list the
 * same position was another signal, or none at all (an index out of bounds, a 500 on PUT /v1/rules).
 */
class RuleSwapTest {
  private static final String PHONE = "+8613800000061";

  private static List<String> markNames(Engine engine, RulePack pack) {
    PhoneState s = engine.state(PHONE);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < s.markCount(); i++) {
      names.add(pack.signalNames()[s.markSignal(i)]);
    }
    return names;
  }

  @Test
  void marksKeepTheirSignalWhenTheNewPackListsSignalsInAnotherOrder() {
    RulePack before = RulePackLoader.defaultPack();
    Engine engine = Engine.builder().rules(before).build();
    engine.decide(engine.codec().parse(event("s-1", "/telecom/op", "telecom.device.changed", "2026-02-01T20:00:00+08:00", PHONE,
        "{\"imei\":\"864000000000017\"}")));
    engine.decide(engine.codec().parse(event("s-2", "/telecom/op", "telecom.sim.replaced", "2026-02-01T20:05:00+08:00", PHONE,
        "{\"channel\":\"hotline\",\"verification\":\"service_password\"}")));
    List<String> marked = markNames(engine, before);
    assertEquals(true, marked.contains("handset_changed"), marked.toString());

    // a new signal first: every other signal moves one place down the list
    RulePack after = RulePackLoader.load(before.source().replaceFirst("\nsignals:\n", """

        signals:
          - name: aa_first
            on: [telecom.sms.sent]
            label: {en: "a text was sent", zh: "发送了短信"}
        """));
    engine.use(after);
    assertEquals(marked, markNames(engine, after));
    assertNotNull(engine.encodeState(PHONE));

    // a pack with one signal: the marks it does not know are forgotten, the state still encodes
    RulePack small = RulePackLoader.load("""
        pack: small
        version: "1"
        signals:
          - name: sim_replaced_remote
            on: [telecom.sim.replaced]
            exposure: true
        rules:
          - name: remote.sim
            on: [telecom.sim.replaced]
            when: fired.sim_replaced_remote
            decision: REVIEW
            risk: HIGH
            reason: {code: remote.sim, en: "a remote SIM replacement", zh: "远程补卡"}
        """);
    engine.use(small);
    assertEquals(List.of("sim_replaced_remote"), markNames(engine, small));
    assertNotNull(engine.encodeState(PHONE));
  }
}
