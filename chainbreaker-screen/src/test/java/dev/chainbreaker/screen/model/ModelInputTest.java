package dev.chainbreaker.screen.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainbreaker.screen.domain.PublicSuffixList;
import dev.chainbreaker.screen.link.LinkExtractor;
import dev.chainbreaker.screen.text.NormalizedText;
import dev.chainbreaker.screen.text.TextNormalizer;
import org.junit.jupiter.api.Test;

/**
 * The rules read a word split by inserted symbols whole, but the model must see the text as it saw
 * it in training, symbols and all: they are a mark of bulk spam it learnt ("佰/加/热"), and the shipped
 * model was trained on that form.
 */
class ModelInputTest {

  private final TextNormalizer n = new TextNormalizer();
  private final LinkExtractor links = new LinkExtractor(PublicSuffixList.standard());

  @Test
  void theModelSeesInsertedSymbolsAsWritten() {
    NormalizedText split = n.normalize("新*鲜水*果 随你挑，详见 a.szxq9.cc 社 保");
    assertEquals("新鲜水果随你挑,详见 a.szxq9.cc 社保", split.text());
    // what the model saw before words were closed up: the folded text (， read as ,) with its link replaced
    String asWritten = Featurizer.prepare("新*鲜水*果 随你挑,详见 a.szxq9.cc 社 保",
        new int[] {"新*鲜水*果 随你挑,详见 ".length(), "新*鲜水*果 随你挑,详见 a.szxq9.cc".length()});
    assertEquals(asWritten, ModelInput.prepare(split, links.extract(split)));
  }

  @Test
  void aTextWithNothingClosedUpIsPreparedAsBefore() {
    NormalizedText plain = n.normalize("您的社保账户将被注销，请登录 a.szxq9.cc");
    assertEquals(ModelInput.prepare(plain.text(), links.extract(plain)), ModelInput.prepare(plain, links.extract(plain)));
  }
}
