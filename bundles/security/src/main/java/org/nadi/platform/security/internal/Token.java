package org.nadi.platform.security.internal;

/**
 * One row of {@code security_tokens}: a bearer token, known by its SHA-256 only.
 *
 * @param hash       the SHA-256 of the token, in hexadecimal
 * @param lastUsedAt when it last authenticated a request, as far as the database knows; null if never
 */
record Token(long id, String username, String name, String hash, String createdAt, String lastUsedAt) {
}
