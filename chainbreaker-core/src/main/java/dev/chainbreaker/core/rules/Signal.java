package dev.chainbreaker.core.rules;

import dev.chainbreaker.core.event.EventType;
import java.util.Set;

/**
 * A named fact recorded in the subject's state when an event of one of {@link #on()} types meets
 * {@link #when()}: the "last-seen register" every rule reads through {@code since.NAME}.
 *
 * @param weight what it adds to the takeover score while it is within the indicator window
 * @param exposure it exposes the line (new handset, remote SIM, loss report, phishing text)
 * @param protective an owner's protective act: the event is always allowed
 * @param ownerBack the owner has the line back: earlier exposure and indicators stop counting
 * @param control the act takes control of the line or locks the owner out (service password,
 *     SIM, loss report, forwarding, the accounts' phone and devices), as opposed to using access
 */
public record Signal(
    int index,
    String name,
    Set<EventType> on,
    Condition when,
    int weight,
    boolean exposure,
    boolean protective,
    boolean ownerBack,
    boolean control,
    Text label) {}
