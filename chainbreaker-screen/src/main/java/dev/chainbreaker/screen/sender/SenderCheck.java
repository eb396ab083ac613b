package dev.chainbreaker.screen.sender;

import dev.chainbreaker.screen.brand.Brand;
import dev.chainbreaker.screen.brand.BrandRegistry;
import java.util.List;

/**
 * The sender against the identity the message claims: a personal number speaking as an institution,
 * or an institution's own short code (which only a fake base station or a hijacked port can forge)
 * carrying a link that is not the institution's.
 */
public final class SenderCheck {

  private final BrandRegistry brands;
  private final SenderClassifier classifier = new SenderClassifier();

  public SenderCheck(BrandRegistry brands) {
    this.brands = brands;
  }

  public SenderInfo classify(String sender) {
    return classifier.classify(sender);
  }

  /** Brands that own this sender number. */
  public List<Brand> owners(SenderInfo s) {
    if (s.type() != SenderType.SHORT_CODE && s.type() != SenderType.A2P_PORT) {
      return List.of();
    }
    return brands.brandsOfSender(s.normalized());
  }

  /** A number in an institution-only range (owned by a brand in the registry or not). */
  public boolean isOfficialCode(SenderInfo s) {
    return s.type() == SenderType.SHORT_CODE
        && (NumberPlan.isServiceRange(s.normalized()) || !owners(s).isEmpty());
  }
}
