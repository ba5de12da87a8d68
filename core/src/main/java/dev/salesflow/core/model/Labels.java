package dev.salesflow.core.model;

/**
 * A name in English and Chinese; either may be missing and falls back to the other.
 *
 * @param en the English name, or null
 * @param zh the Chinese name, or null
 */
public record Labels(String en, String zh) {

  /**
   * The label in a language, falling back to the other language.
   *
   * @param lang {@code zh} for Chinese; anything else means English
   * @return the label, or null when both are missing
   */
  public String in(String lang) {
    String preferred = "zh".equals(lang) ? zh : en;
    String other = "zh".equals(lang) ? en : zh;
    return preferred != null ? preferred : other;
  }
}
