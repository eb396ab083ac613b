package dev.chainbreaker.core;

import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.event.EventCodec;
import dev.chainbreaker.core.event.EventType;
import dev.chainbreaker.core.event.PhoneNumbers;
import dev.chainbreaker.core.event.Sensitive;
import dev.chainbreaker.core.graph.EntityCodec;
import dev.chainbreaker.core.graph.IdentityGraph;
import dev.chainbreaker.core.rules.RulePack;
import dev.chainbreaker.core.rules.RulePackLoader;
import dev.chainbreaker.core.state.LongMap;
import dev.chainbreaker.core.state.PhoneState;
import dev.chainbreaker.core.state.StateCodec;
import dev.chainbreaker.screen.Screener;
import dev.chainbreaker.screen.Verdict;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The one entry point of the engine: feed it events, get decisions.
 *
 * <pre>{@code
 * Engine engine = Engine.builder().build();            // default rule pack, bundled screener
 * Decision d = engine.decide(engine.codec().parse(json));
 * }</pre>
 *
 * <p>Per-phone state and the identity graph live in memory here; the server persists them. A retry
 * of an event already decided (same {@code source} and {@code id}) returns the first decision and
 * changes nothing. Decisions are serialised (one writer); rule packs swap atomically between events.
 */
public final class Engine {
  private final Supplier<Screener> screener;
  private Screener screenerInstance;
  private final EventCodec codec;
  private final LongMap<PhoneState> phones = new LongMap<>(1024);
  private final IdentityGraph graph = new IdentityGraph();
  private final DecisionCache decided;
  private volatile Decider decider;
  private volatile StateCodec stateCodec;

  private Engine(Builder b) {
    this.screener = b.screener;
    this.codec = new EventCodec(b.phones, b.sensitive);
    this.decided = new DecisionCache(b.dedupCapacity);
    if (b.recordGraphChanges) {
      graph.recordChanges();
    }
    use(b.rules);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The codec that turns JSON into validated events with this engine's phone region and hashing key. */
  public EventCodec codec() {
    return codec;
  }

  public RulePack rules() {
    return decider.pack();
  }

  /** Swaps the rule pack; the next event is decided by the new one. */
  public synchronized void use(RulePack pack) {
    Objects.requireNonNull(pack, "pack");
    StateCodec next = new StateCodec(pack.signalNames(), pack.counterNames(), pack.counterWindows(), RulePack.COUNTER_BUCKETS);
    StateCodec previous = this.stateCodec;
    if (previous != null && !previous.sameLayout(next)) {
      // A state's marks and counters are positions in the pack's lists of signals and counters; in a
      // pack with other lists the same position is another signal (or none: an index out of bounds
      // when the state was next encoded). Carried over by name through the two codecs: what the new
      // pack also has keeps its history, what it dropped is forgotten. An unchanged layout, the usual
      // threshold edit, costs nothing.
      phones.replaceAll(s -> next.decode(previous.encode(s)));
    }
    this.decider = new Decider(pack);
    this.stateCodec = next;
  }

  /** Decides one event. A retry returns the decision given the first time. */
  public synchronized Decision decide(Event event) {
    Decision earlier = decided.get(event.source(), event.id());
    if (earlier != null) {
      return earlier;
    }
    Verdict verdict = event.type() == EventType.MESSAGE_RECEIVED ? screen(event) : null;
    long key = PhoneNumbers.key(event.subject());
    PhoneState state = phones.get(key);
    if (state == null) {
      state = new PhoneState();
      phones.put(key, state);
    }
    Decision d = decider.decide(event, key, state, graph, verdict);
    decided.put(event.source(), event.id(), d);
    return d;
  }

  /** The decision already given for ({@code source}, {@code id}), or null. */
  public synchronized Decision decisionFor(String source, String id) {
    return decided.get(source, id);
  }

  private Verdict screen(Event event) {
    String text = event.data().text();
    if (text == null) {
      return null;
    }
    if (screenerInstance == null) {
      screenerInstance = screener.get(); // loaded on the first message: replay of other events never pays for it
    }
    return screenerInstance.screen(text, event.data().sender());
  }

  /**
   * A copy of a phone's state (E.164), or null when the engine holds none. A copy, because the live
   * state changes under the engine's lock with every event: a reader holding it would see fields
   * change between two reads.
   */
  public synchronized PhoneState state(String phone) {
    PhoneState live = live(phone);
    return live == null ? null : stateCodec.decode(stateCodec.encode(live));
  }

  private PhoneState live(String phone) {
    return phones.get(PhoneNumbers.key(phone));
  }

  public synchronized SubjectState stateOf(String phone) {
    PhoneState s = live(phone);
    return s == null ? SubjectState.NORMAL : s.state();
  }

  /** The one byte encoding of a phone's state under the current pack. */
  public synchronized byte[] encodeState(String phone) {
    PhoneState s = live(phone);
    return s == null ? null : stateCodec.encode(s);
  }

  public StateCodec stateCodec() {
    return stateCodec;
  }

  public synchronized int phoneCount() {
    return phones.size();
  }

  /** Total encoded bytes of all phone states: the memory a store needs for them. */
  public synchronized long stateBytes() {
    long[] total = {0};
    phones.forEachValue(s -> total[0] += stateCodec.encode(s).length);
    return total[0];
  }

  public IdentityGraph graph() {
    return graph;
  }

  /**
   * Hands out the identity-graph nodes changed since the last call, each in its stored encoding
   * ({@link EntityCodec}) under its hash: what a host persisting the graph writes with the events
   * that changed them. Nothing unless the engine was built with {@link Builder#recordGraphChanges}.
   */
  public synchronized void drainGraphChanges(BiConsumer<Long, byte[]> each) {
    graph.drainChanges(e -> each.accept(e.hash(), EntityCodec.encode(e)));
  }

  /** Every identity-graph node in its stored encoding, for a host that compares or saves the whole graph. */
  public synchronized void forEachEncodedEntity(BiConsumer<Long, byte[]> each) {
    graph.forEach(e -> each.accept(e.hash(), EntityCodec.encode(e)));
  }

  /**
   * Puts back a phone's state as {@link #encodeState} wrote it under the current pack: how a host
   * that keeps every phone's latest state resumes without replaying the log.
   */
  public synchronized void restoreState(String phone, byte[] encoded) {
    phones.put(PhoneNumbers.key(phone), stateCodec.decode(encoded));
  }

  /** Puts back an identity-graph node as {@link #drainGraphChanges} handed it out. */
  public synchronized void restoreEntity(byte[] encoded) {
    graph.restore(EntityCodec.decode(encoded));
  }

  /** Drops phones with nothing left worth keeping at {@code nowMs} (event time); returns how many. */
  public synchronized int expireIdle(long nowMs) {
    long ttl = decider.pack().settings().stateTtlMs();
    return phones.removeIf((phone, s) -> {
      s.expireMarks(nowMs - ttl);
      return s.watermark() < nowMs - ttl || s.isIdle(nowMs);
    });
  }

  /** Configuration of an {@link Engine}; every part has a sensible default. */
  public static final class Builder {
    private RulePack rules;
    private Supplier<Screener> screener = Screener::standard;
    private Sensitive sensitive;
    private PhoneNumbers phones = PhoneNumbers.china();
    private int dedupCapacity = 1_000_000;
    private boolean recordGraphChanges;

    public Builder rules(RulePack rules) {
      this.rules = rules;
      return this;
    }

    public Builder screener(Screener screener) {
      Objects.requireNonNull(screener, "screener");
      this.screener = () -> screener;
      return this;
    }

    /** The deployment secret for hashing identifiers; a random one when not set. */
    public Builder sensitive(Sensitive sensitive) {
      this.sensitive = sensitive;
      return this;
    }

    public Builder phoneRegion(String region) {
      this.phones = new PhoneNumbers(region);
      return this;
    }

    /** How many recent (source, id) pairs are remembered for retries. */
    public Builder dedupCapacity(int capacity) {
      this.dedupCapacity = capacity;
      return this;
    }

    /** Remembers changed identity-graph nodes for {@link Engine#drainGraphChanges} (a host that persists them). */
    public Builder recordGraphChanges() {
      this.recordGraphChanges = true;
      return this;
    }

    public Engine build() {
      if (rules == null) {
        rules = RulePackLoader.defaultPack();
      }
      if (sensitive == null) {
        sensitive = Sensitive.ephemeral();
      }
      return new Engine(this);
    }
  }

}
