package dev.chainbreaker.screen.text;

import java.util.List;

/**
 * Text after normalisation, with a map from every normalised UTF-16 unit back to the span of the
 * original text it came from, so that findings on the normalised text can be shown on the original.
 */
public final class NormalizedText {

  private final String original;
  private final String text;
  /** Null when unit i of the text stands for unit i of the original. */
  private final int[] origStart;
  private final int[] origEnd;
  private final List<Deobfuscation> deobfuscations;

  NormalizedText(String original, String text, int[] origStart, int[] origEnd,
      List<Deobfuscation> deobfuscations) {
    this.original = original;
    this.text = text;
    this.origStart = origStart;
    this.origEnd = origEnd;
    this.deobfuscations = List.copyOf(deobfuscations);
  }

  /** A normalisation that made one unit of each unit of the original and undid no disguise. */
  static NormalizedText oneForOne(String original, String text) {
    return new NormalizedText(original, text, null, null, List.of());
  }

  /** Whether unit i of the text stands for unit i of the original (no offset map). */
  boolean isOneForOne() {
    return origStart == null;
  }

  public String original() {
    return original;
  }

  public String text() {
    return text;
  }

  public List<Deobfuscation> deobfuscations() {
    return deobfuscations;
  }

  /** Start in the original text of the normalised span starting at {@code start}. */
  public int originalStart(int start) {
    if (text.isEmpty()) {
      return 0;
    }
    if (start >= text.length()) {
      return original.length();
    }
    return origStart == null ? Math.max(0, start) : origStart[Math.max(0, start)];
  }

  /** End (exclusive) in the original text of the normalised span ending at {@code end}. */
  public int originalEnd(int end) {
    if (end <= 0 || text.isEmpty()) {
      return originalStart(0);
    }
    return origEnd == null ? Math.min(end, text.length()) : origEnd[Math.min(end, text.length()) - 1];
  }

  /** Deobfuscations whose original span overlaps {@code [origFrom, origTo)}. */
  public List<Deobfuscation> deobfuscationsIn(int origFrom, int origTo) {
    return deobfuscations.stream().filter(d -> d.start() < origTo && d.end() > origFrom).toList();
  }
}
