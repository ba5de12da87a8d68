package dev.salesflow.core.model;

/**
 * The customer's contact person; every field but {@code name} may be null.
 *
 * @param name the contact's name
 * @param title the contact's job title
 * @param phone a phone number, as written
 * @param email an e-mail address
 */
public record Contact(String name, String title, String phone, String email) {}
