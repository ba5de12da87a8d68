package dev.salesflow.core.api;

/** The customer's contact person; every field but {@code name} may be null. */
public record Contact(String name, String title, String phone, String email) {}
