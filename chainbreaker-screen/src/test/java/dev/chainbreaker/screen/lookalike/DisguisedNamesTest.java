package dev.chainbreaker.screen.lookalike;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.screen.brand.BrandMention;
import dev.chainbreaker.screen.brand.BrandRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A brand's name written with digits, a capital i for an l, or letters of another alphabet is found
 * and traced to its brand; a name written plainly (in any case), a word that merely holds a digit,
 * and a host inside a link are not.
 */
class DisguisedNamesTest {

  private final DisguisedNames names = new DisguisedNames(BrandRegistry.standard());

  @ParameterizedTest
  @CsvSource({
      "'Amaz0n: your parcel is held', amazon, Amaz0n",
      "'Your PayPaI account is limited', paypal, PayPaI",
      // Greek capital nu and rho: they lower-case to letters that read as v and p
      "'Νetflix: payment failed', netflix, Νetflix",
      "'ΡayΡal security team', paypal, ΡayΡal",
      "'Dear customer of NETFL1X', netflix, NETFL1X"})
  void findsTheBrandBehindTheDisguise(String text, String brand, String word) {
    List<BrandMention> found = names.find(text);
    assertEquals(1, found.size(), text);
    assertEquals(brand, found.get(0).brand().id());
    assertEquals(word, found.get(0).alias());
    assertEquals(word, text.substring(found.get(0).start(), found.get(0).end()));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Your PayPal receipt", "PAYPAL: you sent 20 USD", "paypal me the money",
      "Meet at the B2B expo, COVID19 rules apply", "Flight CA1234 departs 08:05",
      "亚马逊订单已发货", "Order 4Amazon1 is ready"})
  void leavesPlainNamesAndOrdinaryWordsAlone(String text) {
    assertEquals(List.of(), names.find(text), text);
  }

  @Test
  void aHostInsideALinkIsLeftToTheLinkRules() {
    String text = "Update at netf1ix-billing.com now";
    int start = text.indexOf("netf1ix");
    int end = text.indexOf(" now");
    assertEquals(List.of(), names.find(text, start, end));
    assertEquals(1, names.find(text).size(), "outside the span the same word is a disguised name");
  }

  @Test
  void aDisguisedNameOpeningTheTextSignsIt() {
    assertTrue(names.find("Amaz0n: your parcel is held").get(0).signature());
    assertFalse(names.find("I love my amaz0n deliveries").get(0).signature());
  }
}
