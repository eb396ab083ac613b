package dev.chainbreaker.core;

/** Who holds the line, as far as the engine can tell. */
public enum SubjectState {
  /** Nothing unusual. */
  NORMAL,
  /** The line was exposed (new handset, remote SIM replacement, loss report, phishing text): watch it. */
  WATCH,
  /** The line is in someone else's hands: SMS codes prove nothing. */
  COMPROMISED,
  /** The owner is back (in-person replacement, operator's word); what the thief opened stays suspect. */
  RECOVERING
}
