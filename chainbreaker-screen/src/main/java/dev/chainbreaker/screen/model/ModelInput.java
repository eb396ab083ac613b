package dev.chainbreaker.screen.model;

import dev.chainbreaker.screen.link.ExtractedLink;
import java.util.List;

/** Turns a normalised message and its links into the prepared text the featurizer reads. */
public final class ModelInput {

  private ModelInput() {}

  public static String prepare(String normalizedText, List<ExtractedLink> links) {
    int[] spans = new int[links.size() * 2];
    for (int k = 0; k < links.size(); k++) {
      spans[2 * k] = links.get(k).normalizedStart();
      spans[2 * k + 1] = links.get(k).normalizedEnd();
    }
    return Featurizer.prepare(normalizedText, spans);
  }
}
