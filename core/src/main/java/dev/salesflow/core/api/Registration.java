package dev.salesflow.core.api;

import java.time.OffsetDateTime;

/**
 * A request to register a new case (Table 1). {@code id} and {@code at} may be null: the next free
 * id and the current time are used.
 */
public record Registration(
    String id,
    String company,
    String industry,
    String size,
    String contactName,
    String contactTitle,
    String phone,
    String email,
    String source,
    String priority,
    String owner,
    String need,
    OffsetDateTime at) {}
