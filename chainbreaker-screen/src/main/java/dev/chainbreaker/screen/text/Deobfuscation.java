package dev.chainbreaker.screen.text;

/**
 * One place where normalisation had to undo a disguise: a full-width form, an ideographic or spelled-out
 * dot, spaces around a dot, an invisible character, a defanged scheme ({@code hxxps://}), a host
 * written one character at a time ({@code s b g o v . c c}), a run shown backwards by a right-to-left override,
 * a percent-escaped letter ({@code %65} for {@code e}), a top-level domain split by a space
 * ({@code jf10086.t op}), spaces or symbols inserted between Chinese characters ({@code 社★保}), a character
 * of a key word spelt in pinyin ({@code 社bao}).
 * {@code [start, end)} is a span of the original text.
 */
public record Deobfuscation(Kind kind, int start, int end) {

  /** What was undone. */
  public enum Kind { FULLWIDTH, IDEOGRAPHIC_DOT, WORD_DOT, SPACED_DOT, INVISIBLE, DEFANGED_SCHEME, SPACED_LETTERS, REVERSED, ESCAPED, SPLIT_SUFFIX, INSERTED_SEPARATORS, PINYIN }
}
