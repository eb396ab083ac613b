package dev.chainbreaker.screen.rules;


/** A phrase pattern (lower case; matched against lower-cased text) that is evidence by itself. */
record TextCue(String code, double weight, FastPattern pattern, String message, String messageZh) {

  static TextCue of(String code, double weight, String regex, String message, String messageZh) {
    return new TextCue(code, weight, new FastPattern(regex), message, messageZh);
  }
}
