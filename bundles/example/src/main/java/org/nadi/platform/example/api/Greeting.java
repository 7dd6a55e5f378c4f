package org.nadi.platform.example.api;

/**
 * What {@code GET /api/v1/example/greeting} answers.
 *
 * @param message the greeting
 * @param module  the id of the module that served it
 */
public record Greeting(String message, String module) {
}
