package dev.chainbreaker.screen.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-thread matchers for a fixed set of pattern slots, reused across searches: creating a
 * {@link Matcher} allocates and clears its group arrays, which costs more than the match attempt
 * itself for most cue positions. {@link #begin} starts a search over a new text; {@link #get} gives
 * the slot's matcher reset to that text (with transparent, non-anchoring bounds) on first use in
 * the search. Not thread-safe: use one per thread, and not re-entrantly.
 */
final class MatcherCache {

  private final Matcher[] matchers;
  private final int[] stamps;
  private int generation;
  private CharSequence text;

  MatcherCache(int slots) {
    matchers = new Matcher[slots];
    stamps = new int[slots];
  }

  /** Per literal id: its last index in the current text, valid when its stamp is this search's. */
  private int[] lastIndex = new int[64];
  private int[] lastStamps = new int[64];

  /** Last index of {@code literal} (whose id is {@code id}) in the current text, found once per search. */
  int lastIndexOf(int id, String literal) {
    if (id >= lastIndex.length) {
      int n = Math.max(id + 1, lastIndex.length * 2);
      lastIndex = java.util.Arrays.copyOf(lastIndex, n);
      lastStamps = java.util.Arrays.copyOf(lastStamps, n);
    }
    if (lastStamps[id] != generation) {
      lastIndex[id] = mayContain(literal) ? text.toString().lastIndexOf(literal) : -1;
      lastStamps[id] = generation;
    }
    return lastIndex[id];
  }

  /**
   * The characters of the current text, hashed into 1,024 bits, filled on first use in a search: most
   * literals asked about hold a character the text lacks, and this answers them without a scan.
   */
  private final long[] present = new long[16];
  private int presentStamp;

  private boolean mayContain(String literal) {
    if (presentStamp != generation) {
      java.util.Arrays.fill(present, 0L);
      for (int i = 0, n = text.length(); i < n; i++) {
        char c = text.charAt(i);
        present[(c & 1023) >>> 6] |= 1L << (c & 63);
      }
      presentStamp = generation;
    }
    for (int i = 0, n = literal.length(); i < n; i++) {
      char c = literal.charAt(i);
      if ((present[(c & 1023) >>> 6] & 1L << (c & 63)) == 0) {
        return false;
      }
    }
    return true;
  }

  void begin(CharSequence s) {
    text = s;
    if (++generation == 0) {
      java.util.Arrays.fill(stamps, 0);
      java.util.Arrays.fill(lastStamps, 0);
      presentStamp = 0;
      generation = 1;
    }
  }

  /** The matcher of {@code slot} (always for the same {@code pattern}) over the current text. */
  Matcher get(int slot, Pattern pattern) {
    Matcher m = matchers[slot];
    if (m == null) {
      m = pattern.matcher(text);
      m.useTransparentBounds(true).useAnchoringBounds(false);
      matchers[slot] = m;
      stamps[slot] = generation;
    } else if (stamps[slot] != generation) {
      m.reset(text);
      stamps[slot] = generation;
    }
    return m;
  }

  /**
   * Ends a search. The matchers still hold its text until the next search on this thread; the
   * callers pass only the head of a message (at most a few thousand characters).
   */
  void end() {
    text = null;
  }
}
