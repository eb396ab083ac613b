package dev.chainbreaker.core;

import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.event.EventData;
import dev.chainbreaker.core.event.EventType;
import dev.chainbreaker.core.event.PhoneNumbers;
import dev.chainbreaker.core.event.Protected;
import dev.chainbreaker.core.graph.Entity;
import dev.chainbreaker.core.graph.EntityKind;
import dev.chainbreaker.core.graph.IdentityGraph;
import dev.chainbreaker.core.rules.Counter;
import dev.chainbreaker.core.rules.Rule;
import dev.chainbreaker.core.rules.RuleContext;
import dev.chainbreaker.core.rules.RulePack;
import dev.chainbreaker.core.rules.Sequence;
import dev.chainbreaker.core.rules.Settings;
import dev.chainbreaker.core.rules.Signal;
import dev.chainbreaker.core.rules.Text;
import dev.chainbreaker.core.rules.Transition;
import dev.chainbreaker.core.state.PhoneState;
import dev.chainbreaker.screen.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The step function: {@code decide(event, state, rules) → decision}, updating the phone's state and
 * the identity graph in place. No I/O, no clock of its own: all time is event time. One pipeline
 * stage per method, in the order they run:
 *
 * <ol>
 *   <li>{@link #decay} — states fall back after their TTL of quiet;
 *   <li>{@link #lookUpIdentity} — what the graph knows about the event's identifiers;
 *   <li>{@link #recordSignals} — last-seen registers, then {@link #matchSequences};
 *   <li>{@link #transition} — the subject state moves, risk propagates along the graph;
 *   <li>{@link #judge} — decision rules, owner protection, and the evidence chain;
 *   <li>{@link #linkIdentity} — the event's identifiers join the graph; those of a refused event,
 *       or of the event that showed the takeover, are tainted and put at risk instead.
 * </ol>
 */
final class Decider {
  static final char EVIDENCE_SEPARATOR = '\u001f';

  private final RulePack pack;
  private final RuleContext ctx;
  private final Settings settings;

  Decider(RulePack pack) {
    this.pack = pack;
    this.ctx = new RuleContext(pack);
    this.settings = pack.settings();
  }

  RulePack pack() {
    return pack;
  }

  /** Decides {@code e} for the phone whose numeric key ({@link PhoneNumbers#key}) is {@code phone}. */
  Decision decide(Event e, long phone, PhoneState s, IdentityGraph graph, Verdict verdict) {
    ctx.reset(e, s);
    long now = e.timeMs();
    s.observe(now);
    s.expireMarks(s.watermark() - settings.stateTtlMs());
    decay(s, now);
    if (verdict != null) {
      ctx.message(verdict.verdict().name(), verdict.category() == null ? "" : verdict.category(), verdict.score());
    }
    lookUpIdentity(e, s, graph);
    boolean protective = recordSignals(e, s);
    countWindows(e, s);
    Text transitioned = transition(e, s, graph);
    Decision d = judge(e, s, protective, transitioned, verdict);
    boolean trigger = transitioned != null && s.state() == SubjectState.COMPROMISED;
    linkIdentity(e, phone, s, graph, protective, trigger, d.decision());
    return d;
  }

  // ---- 1. decay --------------------------------------------------------------------------------

  /** A state left alone long enough falls back: watch and recovery end, a stale compromise too. */
  private void decay(PhoneState s, long now) {
    long since = s.stateSince();
    if (since == PhoneState.NEVER || now < since) {
      return;
    }
    long quiet = now - Math.max(since, lastMark(s));
    switch (s.state()) {
      case WATCH -> {
        if (quiet > settings.watchTtlMs()) {
          s.enter(SubjectState.NORMAL, now);
          s.clearChain();
        }
      }
      case RECOVERING -> {
        if (now - since > settings.recoveringTtlMs()) {
          s.enter(SubjectState.NORMAL, now);
          s.clearChain();
        }
      }
      case COMPROMISED -> {
        if (quiet > settings.compromisedTtlMs()) {
          s.enter(SubjectState.NORMAL, now);
          s.clearChain();
        }
      }
      default -> { }
    }
  }

  private static long lastMark(PhoneState s) {
    long t = PhoneState.NEVER;
    for (int i = 0; i < s.markCount(); i++) {
      t = Math.max(t, s.markTime(i));
    }
    return t;
  }

  // ---- 2. identity look-up ---------------------------------------------------------------------

  private void lookUpIdentity(Event e, PhoneState s, IdentityGraph graph) {
    EventData d = e.data();
    boolean idKnown = false;
    boolean idAtRisk = false;
    if (d.idNumber() != null) {
      Entity id = graph.get(d.idNumber().hash());
      idKnown = s.isLinked(d.idNumber().hash());
      idAtRisk = id != null && id.isAtRisk();
      if (idAtRisk) {
        ctx.addIdentityEvidence(id.atRiskEvidence());
      }
    }
    boolean cardKnown = false;
    boolean cardAtRisk = false;
    boolean cardFrozen = false;
    boolean cardTainted = false;
    Protected card = d.moneyCard();
    if (card != null) {
      Entity c = graph.get(card.hash());
      cardKnown = s.isLinked(card.hash());
      cardAtRisk = c != null && c.isAtRisk();
      cardFrozen = c != null && c.frozenByOwner();
      cardTainted = s.isTainted(card.hash());
      if (cardAtRisk) {
        ctx.addIdentityEvidence(c.atRiskEvidence());
      }
    }
    boolean accountKnown = false;
    boolean accountTainted = false;
    long ageDays = -1;
    if (d.account() != null) {
      Entity a = graph.get(d.account().hash());
      accountKnown = s.isLinked(d.account().hash());
      // At risk from elsewhere (another line's takeover used it) taints it here too; this line's own
      // accounts, put at risk by its own takeover for the other phones' sake, are not the thief's.
      boolean atRiskElsewhere = a != null && a.isAtRisk() && !accountKnown;
      accountTainted = s.isTainted(d.account().hash()) || atRiskElsewhere;
      if (atRiskElsewhere) {
        ctx.addIdentityEvidence(a.atRiskEvidence());
      }
      if (a != null && a.createdAt() != Long.MIN_VALUE) {
        ageDays = Math.max(0, (e.timeMs() - a.createdAt()) / 86_400_000L);
      }
    }
    boolean sourceTainted = s.isTainted(sourceHash(e.source()));
    ctx.identity(idKnown, idAtRisk, cardKnown, cardAtRisk, cardFrozen, cardTainted, accountKnown, accountTainted, ageDays, sourceTainted);
  }

  // ---- 3. signals and sequences ----------------------------------------------------------------

  /** Records every signal the event raises; returns whether any of them is an owner's protective act. */
  private boolean recordSignals(Event e, PhoneState s) {
    boolean protective = false;
    List<Signal> candidates = pack.signalsFor(e.type());
    for (int i = 0; i < candidates.size(); i++) {
      Signal sig = candidates.get(i);
      if (sig.when().test(ctx)) {
        s.mark(sig.index(), e.timeMs(), e.id());
        ctx.fire(sig.index());
        protective |= sig.protective();
        if (sig.ownerBack()) {
          s.ownerBack(e.timeMs());
        }
      }
    }
    for (int i = 0; i < candidates.size(); i++) {
      Signal sig = candidates.get(i);
      if (ctx.fired(sig.index())) {
        for (Sequence q : pack.sequencesWith(sig.index())) {
          if (!ctx.fired(q.signal().index())) {
            matchSequences(q, e, s);
          }
        }
      }
    }
    return protective;
  }

  /**
   * Looks for a chain of occurrences, one per step, in time order and within the sequence's window,
   * that includes this event. Out-of-order arrival is fine: a late event can complete the chain at
   * any step, because the chain is searched over the registers, not built up event by event.
   */
  private void matchSequences(Sequence q, Event e, PhoneState s) {
    int[] chosen = new int[q.steps().size()];
    if (search(q, s, 0, chosen, e)) {
      StringBuilder evidence = new StringBuilder();
      long last = Long.MIN_VALUE;
      for (int i : chosen) {
        if (evidence.length() > 0) {
          evidence.append(EVIDENCE_SEPARATOR);
        }
        evidence.append(s.markEvidence(i));
        last = Math.max(last, s.markTime(i));
      }
      s.mark(q.signal().index(), last, evidence.toString());
      ctx.fire(q.signal().index());
    }
  }

  private boolean search(Sequence q, PhoneState s, int step, int[] chosen, Event e) {
    if (step == chosen.length) {
      for (int i : chosen) {
        if (s.markTime(i) == e.timeMs() && s.markEvidenceIs(i, e.id())) {
          return true;
        }
      }
      return false;
    }
    int[] signals = q.steps().get(step);
    for (int i = 0; i < s.markCount(); i++) {
      if (!contains(signals, s.markSignal(i)) || s.markTime(i) <= s.lastOwnerBack() && !ownerBackSignal(s.markSignal(i))) {
        continue;
      }
      long t = s.markTime(i);
      if (step > 0) {
        long prev = s.markTime(chosen[step - 1]);
        if (t < prev || t - s.markTime(chosen[0]) > q.withinMs() || used(chosen, step, i)) {
          continue;
        }
      }
      chosen[step] = i;
      if (search(q, s, step + 1, chosen, e)) {
        return true;
      }
    }
    return false;
  }

  private boolean ownerBackSignal(int signal) {
    return pack.signals().get(signal).ownerBack();
  }

  private static boolean used(int[] chosen, int upto, int i) {
    for (int k = 0; k < upto; k++) {
      if (chosen[k] == i) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(int[] arr, int v) {
    for (int x : arr) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  private void countWindows(Event e, PhoneState s) {
    List<Counter> counters = pack.countersFor(e.type());
    for (int i = 0; i < counters.size(); i++) {
      Counter c = counters.get(i);
      if (c.when().test(ctx)) {
        double v = c.sumAmount() ? (e.data().hasAmount() ? e.data().amount() : 0) : 1;
        s.counter(c.index(), c.windowMs(), RulePack.COUNTER_BUCKETS, pack.counters().size()).add(e.timeMs(), v);
      }
    }
  }

  // ---- 4. transitions --------------------------------------------------------------------------

  /** Applies the first transition that holds and changes the state; returns its reason, or null. */
  private Text transition(Event e, PhoneState s, IdentityGraph graph) {
    for (Transition t : pack.transitions()) {
      if (t.to() == s.state() || !t.when().test(ctx)) {
        continue;
      }
      SubjectState from = s.state();
      s.enter(t.to(), e.timeMs());
      ctx.invalidate();
      if (t.to() == SubjectState.COMPROMISED || t.to() == SubjectState.WATCH) {
        if (from == SubjectState.NORMAL || from == SubjectState.RECOVERING || t.to() == SubjectState.COMPROMISED) {
          List<String> chain = new ArrayList<>();
          ctx.scoreEvidence(chain);
          for (String name : t.when().signals()) {
            int m = s.latest(pack.signalIndex().get(name), s.lastOwnerBack(), Math.max(e.timeMs(), s.watermark()));
            if (m >= 0) {
              chain.add(s.markEvidence(m));
            }
          }
          for (String id : split(chain)) {
            s.addToChain(id);
          }
          s.addToChain(e.id());
        }
      }
      if (t.to() == SubjectState.COMPROMISED) {
        propagate(s, graph, e);
      }
      return t.reason();
    }
    return null;
  }

  /** The line is taken over: everything linked to it is at risk, from the start of the chain. */
  private static void propagate(PhoneState s, IdentityGraph graph, Event e) {
    String[] chain = s.chain();
    for (long entity : s.links()) {
      graph.markAtRisk(entity, e.subject(), e.timeMs(), chain);
    }
  }

  // ---- 5. identity graph -----------------------------------------------------------------------

  private void linkIdentity(Event e, long phone, PhoneState s, IdentityGraph graph, boolean protective, boolean trigger,
      Outcome outcome) {
    EventData d = e.data();
    // Identifiers in a refused request, or in an unchallenged request that showed the takeover, are
    // the thief's: tainted, never "known" to this phone. While the line is compromised, what is only
    // challenged may be the owner's (she passes the face check) or the thief's (he does not): it is
    // neither tainted nor learnt as the owner's, even when that request showed the takeover (an owner
    // binding her card to her own wallet right after a phishing text looks exactly like a fraudster
    // binding it to his). Tainting it would lock the owner out of her own accounts. One exception: a
    // challenged request that showed the takeover inside an account this line already used (a new
    // device in the owner's wallet) puts the fraudster in that account, so the account is tainted.
    boolean challenged = outcome == Outcome.CHALLENGE && s.state() == SubjectState.COMPROMISED;
    boolean compromised = !protective && (outcome == Outcome.DENY || outcome == Outcome.REVIEW || trigger && !challenged);
    boolean unproven = !protective && challenged;
    if (trigger && challenged && d.account() != null && s.isLinked(d.account().hash())) {
      s.taint(d.account().hash());
      graph.markAtRisk(d.account().hash(), e.subject(), e.timeMs(), s.chain());
    }
    link(graph, s, e, phone, d.idNumber(), EntityKind.ID_NUMBER, compromised, unproven);
    link(graph, s, e, phone, d.card(), EntityKind.CARD, compromised, unproven);
    link(graph, s, e, phone, d.disburseTo(), EntityKind.CARD, compromised, unproven);
    link(graph, s, e, phone, d.account(), EntityKind.ACCOUNT, compromised, unproven);
    if (d.deviceId() != null) {
      graph.link(deviceHash(d.deviceId()), EntityKind.DEVICE, phone, e.timeMs());
    }
    if (e.type() == EventType.ACCOUNT_CREATED && d.account() != null) {
      graph.created(d.account().hash(), e.timeMs());
    }
    if (e.type() == EventType.CARD_FROZEN && d.card() != null) {
      graph.frozenByOwner(d.card().hash());
    }
    if (compromised) {
      s.taint(sourceHash(e.source()));
    }
  }

  private static void link(IdentityGraph graph, PhoneState s, Event e, long phone, Protected p, EntityKind kind, boolean compromised,
      boolean unproven) {
    if (p == null) {
      return;
    }
    graph.link(p.hash(), kind, phone, e.timeMs());
    if (compromised) {
      s.taint(p.hash());
      graph.markAtRisk(p.hash(), e.subject(), e.timeMs(), s.chain());
    } else if (!unproven) {
      s.link(p.hash());
    }
  }

  static long sourceHash(String source) {
    return mix(source.hashCode() * 0x9E3779B97F4A7C15L + 0x5f);
  }

  static long deviceHash(String deviceId) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < deviceId.length(); i++) {
      h = (h ^ deviceId.charAt(i)) * 0x100000001b3L;
    }
    return mix(h ^ 0xD5);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  // ---- 6. judgement ----------------------------------------------------------------------------

  private Decision judge(Event e, PhoneState s, boolean protective, Text transitioned, Verdict verdict) {
    Outcome outcome = Outcome.ALLOW;
    Risk risk = defaultRisk(s.state());
    double score = defaultScore(s.state());
    List<Rule> matched = null;
    List<Rule> rules = pack.rulesFor(e.type());
    for (int i = 0; i < rules.size(); i++) {
      Rule r = rules.get(i);
      if (r.when().test(ctx)) {
        if (matched == null) {
          matched = new ArrayList<>(4);
        }
        matched.add(r);
      }
    }
    if (matched == null && transitioned == null) {
      // The common case: nothing to say. No allocation beyond the decision itself.
      return new Decision(e.id(), Outcome.ALLOW, risk, score, s.state(), List.of(), List.of(), List.of());
    }
    if (matched == null) {
      matched = new ArrayList<>(1);
    }
    if (protective) {
      // The owner's protective acts are never blocked, whatever any rule says.
      matched.removeIf(r -> r.decision() != Outcome.ALLOW);
    }
    for (Rule r : matched) {
      outcome = outcome.max(r.decision());
    }
    Set<String> verification = new LinkedHashSet<>();
    Set<String> actions = new LinkedHashSet<>();
    List<Reason> reasons = new ArrayList<>(3);
    matched.sort((a, b) -> b.decision().compareTo(a.decision()) != 0 ? b.decision().compareTo(a.decision()) : b.risk().compareTo(a.risk()));
    for (Rule r : matched) {
      if (outcome != Outcome.ALLOW && r.decision() == Outcome.ALLOW) {
        continue; // an informational ALLOW reason would only blur a refusal
      }
      risk = risk.max(r.risk());
      score = Math.max(score, r.score());
      if (r.decision() == outcome) {
        verification.addAll(r.verification());
      }
      actions.addAll(r.actions());
      if (r.decision() != outcome && !r.verification().isEmpty()) {
        // A weaker rule's verification is not required (only the deciding rules' is), so its text,
        // which tells how to confirm ("confirm by face"), would contradict the decision: a DENY that
        // requires in-person ID. The deciding rules explain the decision; its actions still apply.
        continue;
      }
      reasons.add(reason(r.reason(), evidence(r, e, s)));
    }
    if (transitioned != null && (s.state() == SubjectState.COMPROMISED || outcome == Outcome.ALLOW)) {
      reasons.add(0, reason(transitioned, chainEvidence(s, e)));
    }
    if (verdict != null && outcome != Outcome.ALLOW) {
      // The screener explains a message itself: its reasons (claimed sender, unofficial link, threat)
      // follow the decision's own.
      int n = 0;
      for (dev.chainbreaker.screen.Reason r : verdict.reasons()) {
        if (n++ == 3) {
          break;
        }
        reasons.add(new Reason("screen." + r.code(), r.message(), r.messageZh(), List.of(e.id())));
      }
    }
    if (outcome == Outcome.ALLOW) {
      verification.clear();
    } else if (s.state() != SubjectState.NORMAL || ctx.exposed()) {
      // After a handset change, SIM replacement, loss report or phishing text an SMS code proves
      // nothing about who holds the phone: never ask for one.
      verification.remove("sms_otp");
    }
    if (outcome == Outcome.CHALLENGE && verification.isEmpty()) {
      verification.add("face");
    }
    if (outcome != Outcome.ALLOW && reasons.isEmpty()) {
      reasons.add(new Reason("state." + s.state().name().toLowerCase(java.util.Locale.ROOT), "The line is under suspicion.", "该号码处于可疑状态。", chainEvidence(s, e)));
    }
    return new Decision(e.id(), outcome, risk, round(score), s.state(), reasons, List.copyOf(verification), List.copyOf(actions));
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static Reason reason(Text t, List<String> evidence) {
    return new Reason(t.code(), t.en(), t.zh(), evidence);
  }

  /** The events that make a rule's case: the takeover chain if it reads the state, the signals it names, this event. */
  private List<String> evidence(Rule r, Event e, PhoneState s) {
    Set<String> out = new LinkedHashSet<>();
    if (r.when().readsState() && s.state() != SubjectState.NORMAL) {
      for (String id : s.chain()) {
        out.add(id);
      }
    }
    if (r.when().readsIdentity()) {
      out.addAll(ctx.identityEvidence());
    }
    for (String name : r.when().signals()) {
      int idx = pack.signalIndex().get(name);
      int m = s.latest(idx, Long.MIN_VALUE, e.timeMs());
      if (m >= 0) {
        for (String id : split(List.of(s.markEvidence(m)))) {
          out.add(id);
        }
      }
    }
    out.add(e.id());
    return List.copyOf(out);
  }

  private static List<String> chainEvidence(PhoneState s, Event e) {
    Set<String> out = new LinkedHashSet<>(List.of(s.chain()));
    out.add(e.id());
    return List.copyOf(out);
  }

  private static List<String> split(List<String> evidence) {
    List<String> out = new ArrayList<>();
    for (String ev : evidence) {
      int start = 0;
      for (int i = 0; i <= ev.length(); i++) {
        if (i == ev.length() || ev.charAt(i) == EVIDENCE_SEPARATOR) {
          out.add(ev.substring(start, i));
          start = i + 1;
        }
      }
    }
    return out;
  }

  private static Risk defaultRisk(SubjectState state) {
    return switch (state) {
      case NORMAL -> Risk.LOW;
      case WATCH, RECOVERING -> Risk.MEDIUM;
      case COMPROMISED -> Risk.HIGH;
    };
  }

  private static double defaultScore(SubjectState state) {
    return switch (state) {
      case NORMAL -> 0.02;
      case WATCH -> 0.3;
      case RECOVERING -> 0.25;
      case COMPROMISED -> 0.8;
    };
  }
}
