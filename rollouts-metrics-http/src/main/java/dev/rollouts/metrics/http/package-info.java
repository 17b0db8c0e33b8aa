/**
 * What the HTTP metric providers share: the JDK {@link java.net.http.HttpClient} (with or without
 * TLS verification), configured headers, basic auth and OAuth2 client credentials, and request
 * failures worded as Go's {@code net/http} words them.
 */
package dev.rollouts.metrics.http;
