package dev.chainbreaker.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainbreaker.core.rules.RulePack;
import dev.chainbreaker.core.rules.RulePackLoader;
import org.junit.jupiter.api.Test;

/** The variant packs of the cost-growth benchmark are what its table says they are. */
class CostGrowthTest {
  @Test
  void extraRulesAreAddedToTheDefaultPackAndTypeCheck() {
    int base = RulePackLoader.defaultPack().rules().size();
    RulePack p = RulePackLoader.load(CostGrowth.withExtraRules(7));
    assertEquals(base + 7, p.rules().size());
  }

  @Test
  void windowsChangeTheIndicatorAndExposureWindows() {
    RulePack p = RulePackLoader.load(CostGrowth.withWindows("7d"));
    assertEquals(7 * 24 * 3600_000L, p.settings().indicatorWindowMs());
    assertEquals(7 * 24 * 3600_000L, p.settings().exposureWindowMs());
    RulePack d = RulePackLoader.load(CostGrowth.withWindows("24h"));
    assertEquals(RulePackLoader.defaultPack().settings(), d.settings());
  }
}
