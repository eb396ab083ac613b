package dev.chainbreaker.core.replay;

import java.util.List;

/**
 * How the engine did on one scenario. Times are minutes; shares are in [0, 1] (1 when there was
 * nothing to count).
 *
 * @param detected the subject's line was judged COMPROMISED at some point
 * @param minutesToDetection from the first thief event to the detecting event, or -1
 * @param beforeFirstMoney detection came no later than the thief's first money movement
 * @param thiefRequestsRefused share of thief requests after detection that were not allowed
 * @param thiefMoneyStopped share of the thief's money (payments and loan applications) not allowed
 * @param ownerBlocked owner events answered DENY or REVIEW
 * @param ownerChallenged owner events answered CHALLENGE
 * @param protectiveNotAllowed owner protective actions answered anything but ALLOW
 * @param failures what breaks the acceptance criteria, empty when it passes
 */
public record ScenarioScore(
    String scenario,
    boolean hasThief,
    boolean detected,
    double minutesToDetection,
    boolean beforeFirstMoney,
    double thiefRequestsRefused,
    double thiefMoneyStopped,
    double thiefMoney,
    int ownerEvents,
    int ownerBlocked,
    int ownerChallenged,
    int protectiveNotAllowed,
    List<String> failures) {

  public boolean passed() {
    return failures.isEmpty();
  }
}
