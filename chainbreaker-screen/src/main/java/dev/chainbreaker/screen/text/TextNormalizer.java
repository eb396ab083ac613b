package dev.chainbreaker.screen.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Normalises a message for screening while keeping an offset map to the original, in passes, one
 * class each: {@link CharacterFolding} (NFKC, invisible and control characters, right-to-left
 * overrides), {@link EscapedCharacters} ({@code %65}), {@link DefangedSchemes} ({@code hxxps://}),
 * {@link SpacedHosts} ({@code s b g o v . c c}), {@link DisguisedDots} ({@code 。 点 dot [.]}, spaced
 * dots), {@link SplitSuffixes} ({@code jf10086.t op}), {@link InsertedSeparators} ({@code 社★保}) and
 * {@link PinyinSpellings} ({@code 社bao}). Every
 * undone disguise is recorded, because a legitimate sender has no reason to write {@code a . szxq9 . cc}.
 *
 * <p>Thread-safe and stateless.
 */
public final class TextNormalizer {

  public NormalizedText normalize(String original) {
    String src = original == null ? "" : original;
    String same = CharacterFolding.foldOneForOne(src);
    if (same != null && !DisguisedDots.hidesDot(same) && !DefangedSchemes.hidesScheme(same)
        && !EscapedCharacters.hidesEscape(same) && SpacedHosts.firstSpacedHost(same) < 0
        && !SplitSuffixes.splitsSuffix(same) && !InsertedSeparators.splitsWords(same)
        && !PinyinSpellings.hidesWord(same)) {
      // nearly every message: each unit folds to one unit and no dot is disguised, so unit i of
      // the result stands for unit i of the original and no offset map is needed
      return NormalizedText.oneForOne(src, same);
    }
    return normalizeMapped(src);
  }

  /** The full path, with an offset map; {@link #normalize} gives the same for every text. */
  NormalizedText normalizeMapped(String src) {
    List<Deobfuscation> events = new ArrayList<>();
    MappedBuilder text = CharacterFolding.foldCharacters(src, events);
    text = EscapedCharacters.decodeEscapes(text, events);
    text = DefangedSchemes.undefangSchemes(text, events);
    text = SpacedHosts.closeSpacedHosts(text, events);
    text = DisguisedDots.undisguiseDots(text, events);
    text = SplitSuffixes.closeSplitSuffixes(text, events);
    text = InsertedSeparators.closeUp(text, events);
    text = PinyinSpellings.spellOut(text, events);
    events.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return new NormalizedText(src, text.string(), text.starts(), text.ends(), events);
  }

  static boolean isAsciiAlnum(char c) {
    return c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9');
  }
}
