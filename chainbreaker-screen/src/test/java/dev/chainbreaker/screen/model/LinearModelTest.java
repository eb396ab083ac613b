package dev.chainbreaker.screen.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearModelTest {

  @Test
  void featurizerMapsCorpusMasksAndLinks() {
    String p = Featurizer.prepare("请拨打DIGIT转NAME，详见URL，验证码<#>", new int[0]);
    assertEquals("请拨打0转，详见 \u2197 ，验证码0", p);
    assertEquals("点击 \u2197 办理123", Featurizer.prepare("点击a.b.cc办理123", new int[] {2, 8})
        .replace("0", "123"));
    Featurizer f = new Featurizer(16);
    Featurizer.Vector v = f.features("社保账户");
    for (int i = 1; i < v.indices().length; i++) {
      assertTrue(v.indices()[i] > v.indices()[i - 1], "sorted and unique");
    }
    assertTrue(v.indices()[0] >= 1 && v.indices()[v.indices().length - 1] <= f.dimension());
  }

  @Test
  void trainsWithLiblinearAndRoundTripsTheFile() throws IOException {
    List<LabeledMessage> data = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      data.add(new LabeledMessage("f" + i, "【社保中心】您的社保账户将被注销，请点击 a" + i + ".cc 办理", null,
          "fraud", "social_security", "zh", "t"));
      data.add(new LabeledMessage("s" + i, "全场五折优惠，回复TD退订 " + i, null, "spam", "ad", "zh", "t"));
      data.add(new LabeledMessage("h" + i, "晚上一起吃饭吗，我" + i + "点到", null, "ham", "personal", "zh", "t"));
    }
    ModelTrainer trainer = new ModelTrainer(new ModelTrainer.Settings(14, 1.0, 1.0, 1.0, 0.01, 0.0));
    ModelTrainer.Result r = trainer.train(data);
    assertEquals(180, r.examples());
    TextClassifier tc = new TextClassifier(r.model());
    assertTrue(tc.score(trainer.prepare("【社保中心】您的社保账户将被注销，请点击 z.cc 办理")).fraud() > 0);
    assertTrue(tc.score(trainer.prepare("晚上一起吃饭吗")).fraud() < 0);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    r.model().write(bytes);
    LinearModel back = LinearModel.read(new ByteArrayInputStream(bytes.toByteArray()));
    Featurizer.Vector v = new Featurizer(14).features(trainer.prepare("社保账户注销"));
    assertArrayEquals(r.model().decision(v), back.decision(v), 1e-6);
  }
}
