package dev.chainbreaker.screen.rules;

import java.util.regex.Pattern;

/** A phrase pattern that is evidence by itself, with its weight and explanations. */
record TextCue(String code, double weight, Pattern pattern, String message, String messageZh) {

  static TextCue of(String code, double weight, String regex, String message, String messageZh) {
    return new TextCue(code, weight,
        Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), message, messageZh);
  }
}
