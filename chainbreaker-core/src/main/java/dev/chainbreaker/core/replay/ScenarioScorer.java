package dev.chainbreaker.core.replay;

import dev.chainbreaker.core.Outcome;
import dev.chainbreaker.core.SubjectState;
import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.event.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Scores a replayed scenario against its ground truth, by the acceptance criteria of the engine:
 * thieves detected before their first money movement, all thief money stopped, no owner event
 * denied or held, protective owner actions always allowed, at most one challenge in a benign
 * scenario.
 *
 * <p>Detection is the first event, in event time, after which the engine holds the subject's line
 * COMPROMISED. A thief "request" is any thief event except reports of facts (handset change, an SMS
 * sent, a message delivered, an institution's own decline).
 */
public final class ScenarioScorer {
  private static final Set<EventType> NOT_REQUESTS =
      Set.of(EventType.TELECOM_DEVICE_CHANGED, EventType.TELECOM_SMS_SENT, EventType.MESSAGE_RECEIVED, EventType.PAYMENT_DECLINED);

  private ScenarioScorer() {}

  /** Owner acts that protect her and so must always be allowed. */
  public static boolean protective(Event e) {
    return switch (e.type()) {
      case TELECOM_LOSS_REPORTED, OWNER_PHONE_REPORTED_STOLEN, CARD_FROZEN, TELECOM_SMS_DISABLED,
          TELECOM_CALL_FORWARDING_CLEARED, OWNER_RECOVERED -> true;
      case TELECOM_SIM_REPLACED -> "store".equals(e.data().channel()) && "in_person_id".equals(e.data().verification());
      default -> false;
    };
  }

  public static ScenarioScore score(Scenario sc, List<Replay.Step> steps) {
    List<Replay.Step> byTime = new ArrayList<>(steps);
    byTime.sort((a, b) -> Long.compare(a.event().timeMs(), b.event().timeMs()));

    long firstThief = Long.MAX_VALUE;
    long firstMoney = Long.MAX_VALUE;
    for (Replay.Step s : byTime) {
      if ("thief".equals(sc.actor(s.event().id()))) {
        firstThief = Math.min(firstThief, s.event().timeMs());
        if (isMoney(s.event())) {
          firstMoney = Math.min(firstMoney, s.event().timeMs());
        }
      }
    }
    // Detection: the earliest event time at which a decision on the subject reported COMPROMISED.
    long detection = Long.MAX_VALUE;
    for (Replay.Step s : steps) {
      if (s.event().subject().equals(sc.subject()) && s.decision().subjectState() == SubjectState.COMPROMISED) {
        detection = Math.min(detection, s.event().timeMs());
      }
    }
    boolean detected = detection != Long.MAX_VALUE;

    int requests = 0;
    int refused = 0;
    double money = 0;
    double stopped = 0;
    int ownerEvents = 0;
    int ownerBlocked = 0;
    int ownerChallenged = 0;
    int protectiveNotAllowed = 0;
    List<String> failures = new ArrayList<>();
    for (Replay.Step s : steps) {
      Event e = s.event();
      Outcome o = s.decision().decision();
      String actor = sc.actor(e.id());
      if ("thief".equals(actor)) {
        if (isMoney(e)) {
          money += e.data().amount();
          if (o != Outcome.ALLOW) {
            stopped += e.data().amount();
          } else {
            failures.add("thief money allowed: " + e.id());
          }
        }
        if (detected && e.timeMs() >= detection && !NOT_REQUESTS.contains(e.type())) {
          requests++;
          if (o != Outcome.ALLOW) {
            refused++;
          }
        }
      } else if ("owner".equals(actor)) {
        ownerEvents++;
        if (o == Outcome.DENY || o == Outcome.REVIEW) {
          ownerBlocked++;
          failures.add("owner event " + o + ": " + e.id());
        } else if (o == Outcome.CHALLENGE) {
          ownerChallenged++;
        }
        if (protective(e) && o != Outcome.ALLOW) {
          protectiveNotAllowed++;
          failures.add("protective owner action not allowed: " + e.id());
        }
      }
    }
    if (sc.hasThief()) {
      if (!detected) {
        failures.add("thief not detected");
      } else if (firstMoney != Long.MAX_VALUE && detection > firstMoney) {
        failures.add("detected after the first money movement");
      }
    } else if (ownerChallenged > 1) {
      failures.add("benign scenario challenged " + ownerChallenged + " times");
    }
    boolean beforeMoney = detected && (firstMoney == Long.MAX_VALUE || detection <= firstMoney);
    double minutes = detected && firstThief != Long.MAX_VALUE ? (detection - firstThief) / 60_000.0 : -1;
    return new ScenarioScore(
        sc.name(), sc.hasThief(), detected, minutes, beforeMoney,
        requests == 0 ? 1.0 : refused / (double) requests,
        money == 0 ? 1.0 : stopped / money, money,
        ownerEvents, ownerBlocked, ownerChallenged, protectiveNotAllowed, List.copyOf(failures));
  }

  /** A thief's money movement: a payment or a loan application with an amount. */
  public static boolean isMoney(Event e) {
    return (e.type() == EventType.PAYMENT_INITIATED || e.type() == EventType.LOAN_APPLIED) && e.data().hasAmount();
  }
}
