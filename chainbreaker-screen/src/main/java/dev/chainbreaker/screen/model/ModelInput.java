package dev.chainbreaker.screen.model;

import dev.chainbreaker.screen.link.ExtractedLink;
import dev.chainbreaker.screen.text.Deobfuscation;
import dev.chainbreaker.screen.text.NormalizedText;
import java.text.Normalizer;
import java.util.List;

/** Turns a normalised message and its links into the prepared text the featurizer reads. */
public final class ModelInput {

  private ModelInput() {}

  /**
   * The prepared text of {@code nt}. Where the normaliser took out spaces or symbols inserted between
   * Chinese characters ({@code 社★保}), the model still sees them as written: the rules read the word
   * whole, while the model keeps what bulk texts that split words look like, a mark of spam it
   * learnt ("佰/加/热", "新*鲜水*果").
   */
  public static String prepare(NormalizedText nt, List<ExtractedLink> links) {
    String text = nt.text();
    int cuts = 0;
    for (Deobfuscation d : nt.deobfuscations()) {
      cuts += d.kind() == Deobfuscation.Kind.INSERTED_SEPARATORS ? 1 : 0;
    }
    if (cuts == 0) {
      return prepare(text, links);
    }
    // normalised positions before which a run was taken out, and the run as written, in order
    int[] at = new int[cuts];
    String[] runs = new String[cuts];
    int c = 0;
    int k = 0;
    for (Deobfuscation d : nt.deobfuscations()) {
      if (d.kind() != Deobfuscation.Kind.INSERTED_SEPARATORS) {
        continue;
      }
      while (k < text.length() && nt.originalStart(k) < d.end()) {
        k++;
      }
      at[c] = k;
      // folded as the normaliser folds (a full-width ～ is read as ~), as the model was trained
      runs[c++] = Normalizer.normalize(nt.original().substring(d.start(), d.end()), Normalizer.Form.NFKC);
    }
    StringBuilder sb = new StringBuilder(text.length() + 3 * cuts);
    int[] shift = new int[text.length() + 1]; // characters put back before each normalised position
    int next = 0;
    int added = 0;
    for (int i = 0; i <= text.length(); i++) {
      while (next < cuts && at[next] == i) {
        sb.append(runs[next]);
        added += runs[next].length();
        next++;
      }
      shift[i] = added;
      if (i < text.length()) {
        sb.append(text.charAt(i));
      }
    }
    int[] spans = new int[links.size() * 2];
    for (int l = 0; l < links.size(); l++) {
      int s = links.get(l).normalizedStart();
      int e = links.get(l).normalizedEnd();
      spans[2 * l] = s + shift[s];
      spans[2 * l + 1] = e + shift[Math.max(s, e - 1)];
    }
    return Featurizer.prepare(sb.toString(), spans);
  }

  public static String prepare(String normalizedText, List<ExtractedLink> links) {
    int[] spans = new int[links.size() * 2];
    for (int k = 0; k < links.size(); k++) {
      spans[2 * k] = links.get(k).normalizedStart();
      spans[2 * k + 1] = links.get(k).normalizedEnd();
    }
    return Featurizer.prepare(normalizedText, spans);
  }
}
