package dev.chainbreaker.core.rules;

import dev.cel.runtime.CelVariableResolver;
import dev.chainbreaker.core.SubjectState;
import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.event.EventData;
import dev.chainbreaker.core.state.BucketRing;
import dev.chainbreaker.core.state.PhoneState;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a condition sees while one event is decided: the event, the phone's state, and what the
 * identity graph says about the identifiers in the event. One instance is reused per thread, so
 * deciding allocates little.
 */
public final class RuleContext implements CelVariableResolver {
  private final RulePack pack;
  private Event event;
  private PhoneState state;
  private long now;
  private final boolean[] fired;
  private int score = -1;
  private int exposed = -1;
  private boolean control;

  // message screening
  String messageVerdict = "";
  String messageCategory = "";
  double messageScore;

  // identity graph
  boolean idKnown;
  boolean idAtRisk;
  boolean cardKnown;
  boolean cardAtRisk;
  boolean cardFrozen;
  boolean cardTainted;
  boolean accountKnown;
  boolean accountTainted;
  long accountAgeDays = -1;
  boolean sourceTainted;
  private final java.util.ArrayList<String> identityEvidence = new java.util.ArrayList<>();

  /** Slots for comprehension variables of compiled conditions. */
  static final int LOCALS = 8;

  private final Object[] locals = new Object[LOCALS];
  private final Map<String, Long> since = new SinceView();
  private final Map<String, Boolean> firedView = new FiredView();
  private final Map<String, Double> countView = new CountView();

  public RuleContext(RulePack pack) {
    this.pack = pack;
    this.fired = new boolean[pack.signals().size()];
  }

  public RulePack pack() {
    return pack;
  }

  /** Starts a new event: clears everything derived from the previous one. */
  public void reset(Event event, PhoneState state) {
    this.event = event;
    this.state = state;
    this.now = event.timeMs();
    java.util.Arrays.fill(fired, false);
    score = -1;
    exposed = -1;
    messageVerdict = "";
    messageCategory = "";
    messageScore = 0;
    idKnown = idAtRisk = cardKnown = cardAtRisk = cardFrozen = cardTainted = false;
    accountKnown = accountTainted = sourceTainted = false;
    accountAgeDays = -1;
    identityEvidence.clear();
  }

  /** Events that put an identifier of this event at risk (the other line's takeover chain). */
  public void addIdentityEvidence(String[] evidence) {
    for (String id : evidence) {
      if (!identityEvidence.contains(id)) {
        identityEvidence.add(id);
      }
    }
  }

  public List<String> identityEvidence() {
    return identityEvidence;
  }

  public Event event() {
    return event;
  }

  public PhoneState state() {
    return state;
  }

  public void fire(int signal) {
    fired[signal] = true;
    score = -1;
    exposed = -1;
  }

  public boolean fired(int signal) {
    return fired[signal];
  }

  /** State changed: derived values must be recomputed. */
  public void invalidate() {
    score = -1;
    exposed = -1;
  }

  public void message(String verdict, String category, double score) {
    this.messageVerdict = verdict;
    this.messageCategory = category;
    this.messageScore = score;
  }

  public void identity(
      boolean idKnown, boolean idAtRisk, boolean cardKnown, boolean cardAtRisk, boolean cardFrozen,
      boolean cardTainted, boolean accountKnown, boolean accountTainted, long accountAgeDays, boolean sourceTainted) {
    this.idKnown = idKnown;
    this.idAtRisk = idAtRisk;
    this.cardKnown = cardKnown;
    this.cardAtRisk = cardAtRisk;
    this.cardFrozen = cardFrozen;
    this.cardTainted = cardTainted;
    this.accountKnown = accountKnown;
    this.accountTainted = accountTainted;
    this.accountAgeDays = accountAgeDays;
    this.sourceTainted = sourceTainted;
  }

  /**
   * The present for state-level facts (score, exposure): the newest event time seen on this phone.
   * A late event is judged against what is known now; {@code since.X} still uses its own time, so
   * "after the handset change" keeps meaning after it in event time.
   */
  private long present() {
    return Math.max(now, state.watermark());
  }

  /** Earliest time that still counts: the window start, but never before the owner came back. */
  private long horizon(long windowMs) {
    long lo = present() - windowMs;
    return Math.max(lo, state.lastOwnerBack());
  }

  /**
   * The takeover score: the sum of the weights of the distinct signals seen within the indicator
   * window (and since the owner was last back), this event included.
   */
  public int score() {
    if (score < 0) {
      long lo = horizon(pack.settings().indicatorWindowMs());
      int sum = 0;
      boolean anyControl = false;
      for (Signal s : pack.weighted()) {
        if (state.latest(s.index(), lo, present()) >= 0) {
          sum += s.weight();
          anyControl |= s.control();
        }
      }
      score = sum;
      control = anyControl;
    }
    return score;
  }

  /** Whether a control indicator (one that takes the line or locks the owner out) counts towards the score. */
  public boolean control() {
    score();
    return control;
  }

  /** Signals that count towards the score now: their latest occurrences are the takeover chain. */
  public void scoreEvidence(List<String> out) {
    long lo = horizon(pack.settings().indicatorWindowMs());
    for (Signal s : pack.weighted()) {
      int i = state.latest(s.index(), lo, present());
      if (i >= 0) {
        out.add(state.markEvidence(i));
      }
    }
    long elo = horizon(pack.settings().exposureWindowMs());
    for (Signal s : pack.exposures()) {
      int i = state.latest(s.index(), elo, present());
      if (i >= 0) {
        out.add(state.markEvidence(i));
      }
    }
  }

  /** Whether an exposure signal was seen within the exposure window (and since the owner was back). */
  public boolean exposed() {
    if (exposed < 0) {
      long lo = horizon(pack.settings().exposureWindowMs());
      boolean any = false;
      for (Signal s : pack.exposures()) {
        if (state.latest(s.index(), lo, present()) >= 0) {
          any = true;
          break;
        }
      }
      exposed = any ? 1 : 0;
    }
    return exposed == 1;
  }

  /** Minutes from the latest occurrence of a signal (at or before this event) to this event. */
  public long minutesSince(int signal) {
    int i = state.latest(signal, Long.MIN_VALUE, now);
    return i < 0 ? Vars.NEVER_MINUTES : (now - state.markTime(i)) / 60_000L;
  }

  @Override
  public Optional<Object> find(String name) {
    return Optional.ofNullable(value(name));
  }

  private Object value(String name) {
    Var v = Var.named(name);
    if (v == null) {
      return null;
    }
    return switch (v) {
      case SINCE -> since;
      case FIRED -> firedView;
      case COUNT -> countView;
      case FIELDS, CHECKS -> list(v);
      default -> switch (v.celType().kind()) {
        case BOOL -> bool(v);
        case INT -> integer(v);
        case DOUBLE -> dbl(v);
        default -> str(v);
      };
    };
  }

  /** A string variable; absent data fields read as "". */
  public String str(Var v) {
    EventData d = event.data();
    return switch (v) {
      case TYPE -> event.type().wire();
      case SOURCE -> event.source();
      case SOURCE_KIND -> event.sourceKind().wire();
      case CHANNEL -> orEmpty(d.channel());
      case VERIFICATION -> orEmpty(d.verification());
      case ACTOR -> d.actor() == null ? "subscriber" : d.actor();
      case PURPOSE -> orEmpty(d.purpose());
      case CATEGORY -> orEmpty(d.category());
      case REAL_NAME -> orEmpty(d.realNameVerification());
      case CARD_TYPE -> orEmpty(d.cardType());
      case FORWARDING_KIND -> orEmpty(d.kind());
      case MESSAGE_VERDICT -> messageVerdict;
      case MESSAGE_CATEGORY -> messageCategory;
      case STATE -> state.state().name();
      default -> throw new IllegalArgumentException(v + " is not a string");
    };
  }

  public boolean bool(Var v) {
    EventData d = event.data();
    return switch (v) {
      case NEW_DEVICE -> Boolean.TRUE.equals(d.newDevice());
      case QUICK_BIND -> d.quickBind();
      case HAS_AMOUNT -> d.hasAmount();
      case EXPOSED -> exposed();
      case CONTROL -> control();
      case ID_KNOWN -> idKnown;
      case ID_AT_RISK -> idAtRisk;
      case CARD_KNOWN -> cardKnown;
      case CARD_AT_RISK -> cardAtRisk;
      case CARD_FROZEN -> cardFrozen;
      case CARD_TAINTED -> cardTainted;
      case ACCOUNT_KNOWN -> accountKnown;
      case ACCOUNT_TAINTED -> accountTainted;
      case SOURCE_TAINTED -> sourceTainted;
      default -> throw new IllegalArgumentException(v + " is not a bool");
    };
  }

  public long integer(Var v) {
    return switch (v) {
      case HOUR -> event.localHour();
      case MINUTES_IN_STATE -> state.stateSince() == PhoneState.NEVER ? Vars.NEVER_MINUTES : (now - state.stateSince()) / 60_000L;
      case SCORE -> score();
      case ACCOUNT_AGE_DAYS -> accountAgeDays;
      default -> throw new IllegalArgumentException(v + " is not an int");
    };
  }

  public double dbl(Var v) {
    EventData d = event.data();
    return switch (v) {
      case AMOUNT -> d.hasAmount() ? d.amount() : 0.0;
      case MESSAGE_SCORE -> messageScore;
      default -> throw new IllegalArgumentException(v + " is not a double");
    };
  }

  public List<String> list(Var v) {
    return switch (v) {
      case FIELDS -> event.data().fields();
      case CHECKS -> event.data().checks();
      default -> throw new IllegalArgumentException(v + " is not a list");
    };
  }

  Object local(int slot) {
    return locals[slot];
  }

  void setLocal(int slot, Object value) {
    locals[slot] = value;
  }

  /** A counter's sum over its window. */
  public double count(int counter) {
    BucketRing r = state.counterIfPresent(counter);
    return r == null ? 0.0 : r.sum(now);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  public SubjectState subjectState() {
    return state.state();
  }

  /** Read-only map views over the state; {@code get} is O(marks), no copying. */
  private abstract class View<V> extends AbstractMap<String, V> {
    abstract Map<String, Integer> names();

    abstract V at(int index);

    @Override
    public boolean containsKey(Object key) {
      return names().containsKey(key);
    }

    @Override
    public V get(Object key) {
      Integer i = names().get(key);
      return i == null ? null : at(i);
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
      Map<String, V> copy = new HashMap<>();
      names().forEach((k, i) -> copy.put(k, at(i)));
      return copy.entrySet();
    }
  }

  private final class SinceView extends View<Long> {
    @Override
    Map<String, Integer> names() {
      return pack.signalIndex();
    }

    @Override
    Long at(int index) {
      return minutesSince(index);
    }
  }

  private final class FiredView extends View<Boolean> {
    @Override
    Map<String, Integer> names() {
      return pack.signalIndex();
    }

    @Override
    Boolean at(int index) {
      return fired[index];
    }
  }

  private final class CountView extends View<Double> {
    @Override
    Map<String, Integer> names() {
      return pack.counterIndex();
    }

    @Override
    Double at(int index) {
      return count(index);
    }
  }
}
