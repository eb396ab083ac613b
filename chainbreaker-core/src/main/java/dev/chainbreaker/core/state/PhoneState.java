package dev.chainbreaker.core.state;

import dev.chainbreaker.core.SubjectState;
import java.util.Arrays;

/**
 * Everything the engine remembers about one phone number, bounded whatever the traffic:
 *
 * <ul>
 *   <li>the subject state and when it was entered;
 *   <li>last-seen registers: for each signal, its {@value #PER_SIGNAL} most recent occurrences (event
 *       time and evidence event id), which windows and sequences read;
 *   <li>bucket-ring counters for the pack's sliding sums;
 *   <li>the identity-graph edges of this phone (hashes only), the accounts, cards and institutions
 *       the thief touched while the line was compromised, and the chain of events that led to the
 *       current state.
 * </ul>
 *
 * Not thread-safe: one phone is decided by one thread at a time. {@link StateCodec} is its one byte
 * encoding.
 */
public final class PhoneState {
  /** Occurrences kept per signal: enough for "report, cancel, report" fights and late arrivals. */
  public static final int PER_SIGNAL = 3;

  static final int MAX_MARKS = 48;
  static final int MAX_LINKS = 16;
  static final int MAX_TAINTED = 24;
  static final int MAX_CHAIN = 10;
  public static final long NEVER = Long.MIN_VALUE;

  SubjectState state = SubjectState.NORMAL;
  long stateSince = NEVER;
  long watermark = NEVER;
  long lastOwnerBack = NEVER;

  int markCount;
  int[] markSignal = new int[4];
  long[] markTime = new long[4];
  // Each mark's evidence (event ids) as a range of one per-phone char pool, not as a String per
  // mark: a state lives for the whole run, and a reference from it to each new event's id made every
  // event leave old-to-young pointers for the collector to scan (LOAD.md). The pool is rewritten
  // only when it fills up; chars, not bytes, so any Java string comes back exactly. A phone without
  // marks has no pool of its own (states are kept for every phone ever seen).
  private static final char[] NO_CHARS = new char[0];
  int[] evidenceStart = new int[4];
  int[] evidenceLength = new int[4];
  char[] evidencePool = NO_CHARS;
  int poolUsed;

  BucketRing[] counters;

  int linkCount;
  long[] links = new long[0];
  int taintCount;
  long[] tainted = new long[0];
  int chainCount;
  String[] chain = new String[0];

  public SubjectState state() {
    return state;
  }

  public long stateSince() {
    return stateSince;
  }

  public void enter(SubjectState next, long timeMs) {
    if (next != state) {
      state = next;
      stateSince = timeMs;
    }
  }

  /** The newest event time seen for this phone. */
  public long watermark() {
    return watermark;
  }

  public void observe(long timeMs) {
    if (timeMs > watermark) {
      watermark = timeMs;
    }
  }

  public long lastOwnerBack() {
    return lastOwnerBack;
  }

  public void ownerBack(long timeMs) {
    if (timeMs > lastOwnerBack) {
      lastOwnerBack = timeMs;
    }
  }

  // ---- last-seen registers -------------------------------------------------------------------

  /** Records that {@code signal} fired at {@code timeMs} on event {@code evidence}. */
  public void mark(int signal, long timeMs, String evidence) {
    int same = 0;
    int oldest = -1;
    for (int i = 0; i < markCount; i++) {
      if (markSignal[i] == signal) {
        same++;
        if (oldest < 0 || markTime[i] < markTime[oldest]) {
          oldest = i;
        }
      }
    }
    if (same >= PER_SIGNAL) {
      if (markTime[oldest] <= timeMs) {
        markTime[oldest] = timeMs;
        setEvidence(oldest, evidence);
      }
      return;
    }
    if (markCount == MAX_MARKS) {
      removeMark(oldestMark());
    }
    if (markCount == markSignal.length) {
      int n = Math.min(MAX_MARKS, markCount * 2);
      markSignal = Arrays.copyOf(markSignal, n);
      markTime = Arrays.copyOf(markTime, n);
      evidenceStart = Arrays.copyOf(evidenceStart, n);
      evidenceLength = Arrays.copyOf(evidenceLength, n);
    }
    markSignal[markCount] = signal;
    markTime[markCount] = timeMs;
    setEvidence(markCount, evidence);
    markCount++;
  }

  /** Stores mark {@code slot}'s evidence at the end of the pool; what it held before becomes free space. */
  private void setEvidence(int slot, String evidence) {
    int n = evidence.length();
    if (poolUsed + n > evidencePool.length) {
      compactPool(slot, n);
    }
    evidence.getChars(0, n, evidencePool, poolUsed);
    evidenceStart[slot] = poolUsed;
    evidenceLength[slot] = n;
    poolUsed += n;
  }

  /**
   * Copies the other marks' evidence into a new pool with room for {@code needed} more chars, half of
   * it free: a pool is rewritten about once per half-pool of new evidence, not once per mark.
   */
  private void compactPool(int slot, int needed) {
    int live = 0;
    for (int i = 0; i < markCount; i++) {
      live += i == slot ? 0 : evidenceLength[i];
    }
    char[] pool = new char[Math.max(64, 2 * (live + needed))];
    int used = 0;
    for (int i = 0; i < markCount; i++) {
      if (i != slot) {
        System.arraycopy(evidencePool, evidenceStart[i], pool, used, evidenceLength[i]);
        evidenceStart[i] = used;
        used += evidenceLength[i];
      }
    }
    evidencePool = pool;
    poolUsed = used;
  }

  private int oldestMark() {
    int oldest = 0;
    for (int i = 1; i < markCount; i++) {
      if (markTime[i] < markTime[oldest]) {
        oldest = i;
      }
    }
    return oldest;
  }

  private void removeMark(int i) {
    int last = markCount - 1;
    markSignal[i] = markSignal[last];
    markTime[i] = markTime[last];
    evidenceStart[i] = evidenceStart[last];
    evidenceLength[i] = evidenceLength[last];
    markCount--;
  }

  /** Index of the latest occurrence of {@code signal} at or before {@code atMs} and after {@code afterMs}, or -1. */
  public int latest(int signal, long afterMs, long atMs) {
    int best = -1;
    for (int i = 0; i < markCount; i++) {
      long t = markTime[i];
      if (markSignal[i] == signal && t <= atMs && t > afterMs && (best < 0 || t > markTime[best])) {
        best = i;
      }
    }
    return best;
  }

  public int markCount() {
    return markCount;
  }

  public int markSignal(int i) {
    return markSignal[i];
  }

  public long markTime(int i) {
    return markTime[i];
  }

  /** The evidence of mark {@code i}: a new string on each call. */
  public String markEvidence(int i) {
    return new String(evidencePool, evidenceStart[i], evidenceLength[i]);
  }

  /** Whether mark {@code i}'s evidence is exactly {@code id}, without building a string. */
  public boolean markEvidenceIs(int i, String id) {
    int n = evidenceLength[i];
    if (id.length() != n) {
      return false;
    }
    int start = evidenceStart[i];
    for (int k = 0; k < n; k++) {
      if (evidencePool[start + k] != id.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Forgets occurrences older than {@code horizonMs}: the TTL of the longest window. */
  public void expireMarks(long horizonMs) {
    for (int i = markCount - 1; i >= 0; i--) {
      if (markTime[i] < horizonMs) {
        removeMark(i);
      }
    }
  }

  // ---- counters ------------------------------------------------------------------------------

  public BucketRing counter(int index, long windowMs, int buckets, int total) {
    if (counters == null) {
      counters = new BucketRing[total];
    }
    BucketRing ring = counters[index];
    if (ring == null) {
      ring = new BucketRing(windowMs, buckets);
      counters[index] = ring;
    }
    return ring;
  }

  /** The counter if it was ever touched, else null. */
  public BucketRing counterIfPresent(int index) {
    return counters == null || index >= counters.length ? null : counters[index];
  }

  // ---- identity links, taint, chain ----------------------------------------------------------

  /** Adds an identity-graph edge to an entity hash; returns false when it was already there. */
  public boolean link(long entity) {
    for (int i = 0; i < linkCount; i++) {
      if (links[i] == entity) {
        return false;
      }
    }
    links = append(links, linkCount, entity, MAX_LINKS);
    linkCount = Math.min(linkCount + 1, MAX_LINKS);
    return true;
  }

  public long[] links() {
    return Arrays.copyOf(links, linkCount);
  }

  public boolean isLinked(long entity) {
    for (int i = 0; i < linkCount; i++) {
      if (links[i] == entity) {
        return true;
      }
    }
    return false;
  }

  /** Remembers an account, card or institution the thief used while the line was compromised. */
  public void taint(long entity) {
    if (!isTainted(entity)) {
      tainted = append(tainted, taintCount, entity, MAX_TAINTED);
      taintCount = Math.min(taintCount + 1, MAX_TAINTED);
    }
  }

  public boolean isTainted(long entity) {
    for (int i = 0; i < taintCount; i++) {
      if (tainted[i] == entity) {
        return true;
      }
    }
    return false;
  }

  /** Keeps at most {@code max} values; when full the oldest is dropped. */
  private static long[] append(long[] arr, int count, long v, int max) {
    if (count < arr.length) {
      arr[count] = v;
      return arr;
    }
    if (count < max) {
      long[] grown = Arrays.copyOf(arr, Math.min(max, Math.max(2, count * 2)));
      grown[count] = v;
      return grown;
    }
    System.arraycopy(arr, 1, arr, 0, count - 1);
    arr[count - 1] = v;
    return arr;
  }

  /** The events that led to the current state, oldest first. */
  public String[] chain() {
    return Arrays.copyOf(chain, chainCount);
  }

  public void addToChain(String eventId) {
    for (int i = 0; i < chainCount; i++) {
      if (chain[i].equals(eventId)) {
        return;
      }
    }
    if (chainCount == MAX_CHAIN) {
      return; // the first events of a chain are the ones that explain it
    }
    if (chainCount == chain.length) {
      chain = Arrays.copyOf(chain, Math.max(2, chainCount * 2));
    }
    chain[chainCount++] = eventId;
  }

  public void clearChain() {
    chainCount = 0;
    chain = new String[0];
  }

  /** True when nothing worth keeping is left: the state may be dropped. */
  public boolean isIdle(long nowMs) {
    if (state != SubjectState.NORMAL || markCount > 0 || taintCount > 0 || linkCount > 0) {
      return false;
    }
    if (counters != null) {
      for (BucketRing r : counters) {
        if (r != null && !r.isEmpty(nowMs)) {
          return false;
        }
      }
    }
    return true;
  }
}
