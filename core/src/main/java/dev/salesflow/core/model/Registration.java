package dev.salesflow.core.model;

import java.time.OffsetDateTime;

/**
 * A request to register a new case (Table 1). {@code id} and {@code at} may be null: the next free
 * id and the current time are used. Fields other than those marked required may be null.
 *
 * @param id the case id to use, or null for the next free one ({@code PREFIX-YEAR-NNN})
 * @param company the customer company (required)
 * @param industry the customer's industry (required)
 * @param size the company's size, free text
 * @param contactName the contact person's name (required)
 * @param contactTitle the contact person's job title
 * @param phone the contact person's phone number
 * @param email the contact person's e-mail address; must look like one
 * @param source the id of a lead source of the process (required)
 * @param priority {@code A}, {@code B} or {@code C}, in either case (required)
 * @param owner the sales rep who owns the case (required)
 * @param need the customer's initial need, free text
 * @param at when the case was registered, or null for the current time
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
