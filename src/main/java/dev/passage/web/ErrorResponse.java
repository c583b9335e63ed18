package dev.passage.web;

/** The body of every error answer: one message a person can act on. */
public record ErrorResponse(String error) {}
