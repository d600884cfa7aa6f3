package io.dronehub.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An identity provider for tests, on a port of its own: it serves OpenID Connect
 * discovery and its JWK set as Keycloak does under {@code /realms/hub}, and mints tokens
 * signed with its key (or with another, or unsigned).
 */
final class TestIdentityProvider implements AutoCloseable {

	static final String AUDIENCE = "hub";

	private final HttpServer server;

	private final RSAKey key;

	private final RSAKey stranger;

	private final String issuer;

	TestIdentityProvider() throws IOException, JOSEException {
		this.key = new RSAKeyGenerator(2048).keyID("hub-test").generate();
		this.stranger = new RSAKeyGenerator(2048).keyID("hub-test").generate();
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.issuer = "http://127.0.0.1:" + this.server.getAddress().getPort() + "/realms/hub";
		String jwks = this.issuer + "/protocol/openid-connect/certs";
		this.server.createContext("/realms/hub/.well-known/openid-configuration",
				(exchange) -> reply(exchange, "{\"issuer\":\"" + this.issuer + "\",\"jwks_uri\":\"" + jwks
						+ "\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
		this.server.createContext("/realms/hub/protocol/openid-connect/certs",
				(exchange) -> reply(exchange, new JWKSet(this.key.toPublicJWK()).toString()));
		this.server.start();
	}

	String issuer() {
		return this.issuer;
	}

	/**
	 * A token as the provider would issue it, valid for five minutes from {@code now},
	 * for the hub's audience, changed as the test needs.
	 * @param now when it is issued
	 * @param user its {@code preferred_username}
	 * @param changes what to change
	 * @return the claims
	 */
	JWTClaimsSet.Builder claims(Instant now, String user, Consumer<JWTClaimsSet.Builder> changes) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(this.issuer)
			.subject("id-of-" + user)
			.audience(AUDIENCE)
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("preferred_username", user)
			.claim("realm_access", Map.of("roles", List.of("default-roles-hub", "offline_access")))
			.claim("roles", List.of("pilot"));
		changes.accept(claims);
		return claims;
	}

	String signed(JWTClaimsSet.Builder claims) throws JOSEException {
		return sign(claims, this.key);
	}

	String signedByAnotherKey(JWTClaimsSet.Builder claims) throws JOSEException {
		return sign(claims, this.stranger);
	}

	static String unsigned(JWTClaimsSet.Builder claims) {
		return new PlainJWT(claims.build()).serialize();
	}

	private static String sign(JWTClaimsSet.Builder claims, RSAKey key) throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				claims.build());
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private static void reply(HttpExchange exchange, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
