package dev.salesflow.core.api;

/** A name in English and Chinese; either may be missing and falls back to the other. */
public record Labels(String en, String zh) {

  /** The label in {@code lang} ({@code en} or {@code zh}), falling back to the other language. */
  public String in(String lang) {
    String preferred = "zh".equals(lang) ? zh : en;
    String other = "zh".equals(lang) ? en : zh;
    return preferred != null ? preferred : other;
  }
}
