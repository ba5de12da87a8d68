package dev.salesflow.core.process;

import java.util.List;

/**
 * Where the forecast reads a deal's estimated value: {@code forecast: {value_from: [...]}} in the
 * process, each source an event type and its field ({@code contract_signed.amount}), the first
 * that a case has recorded winning; within a source the case's latest such event counts.
 *
 * @param valueFrom the sources, {@code TYPE.FIELD}, in order of precedence
 */
public record ForecastSpec(List<String> valueFrom) {
  public ForecastSpec {
    valueFrom = valueFrom == null ? List.of() : List.copyOf(valueFrom);
  }

  /** No forecast section: no source, so no deal has an estimated value. */
  public static final ForecastSpec NONE = new ForecastSpec(List.of());

  /** The event type of a source {@code TYPE.FIELD}: the text before the last dot, or null when there is none. */
  public static String typeOf(String source) {
    int dot = source.lastIndexOf('.');
    return dot <= 0 || dot == source.length() - 1 ? null : source.substring(0, dot);
  }

  /** The field of a source {@code TYPE.FIELD}: the text after the last dot, or null when there is none. */
  public static String fieldOf(String source) {
    int dot = source.lastIndexOf('.');
    return dot <= 0 || dot == source.length() - 1 ? null : source.substring(dot + 1);
  }
}
