package dev.chainbreaker.screen.sender;

/**
 * A classified sender: the raw value, its normalised form (digits for numbers) and its type.
 */
public record SenderInfo(String raw, String normalized, SenderType type) {

  /** A number anyone can own: a personal mobile, a foreign number, an e-mail address. */
  public boolean isPersonal() {
    return type == SenderType.MOBILE || type == SenderType.VIRTUAL_MOBILE
        || type == SenderType.INTERNATIONAL || type == SenderType.EMAIL;
  }
}
