package dev.baton.blackbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Real RS256 access tokens for a black-box stack: a key pair whose public half is the stack's JWKS file, and
 * a second key of the same key id that the stack does not know (a forger's). Tokens carry {@code scope}
 * (space-separated) and the {@code terminal_id} claim, like the issuer's access tokens deployed.
 */
public final class Tokens {

    public static final String ISSUER = "https://issuer.blackbox.example";
    public static final String AUDIENCE = "baton-blackbox";
    public static final String TERMINAL = "baton/terminal";
    public static final String OPERATOR = "baton/operator";
    public static final String ADMIN = "baton/admin";

    private final RSAKey key;
    private final RSAKey forgersKey;
    private final Path jwks;

    private Tokens(RSAKey key, RSAKey forgersKey, Path jwks) {
        this.key = key;
        this.forgersKey = forgersKey;
        this.jwks = jwks;
    }

    /** New keys, and a JWKS file holding the public half of the trusted one. */
    public static Tokens generate() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("blackbox").generate();
        RSAKey forger = new RSAKeyGenerator(2048).keyID("blackbox").generate();
        Path jwks = Files.createTempFile("baton-blackbox-jwks", ".json");
        Files.writeString(jwks, new JWKSet(key.toPublicJWK()).toString());
        return new Tokens(key, forger, jwks);
    }

    /** The JWKS file the stack verifies against. */
    public Path jwksFile() {
        return jwks;
    }

    /** A valid token (10 minutes) with {@code scope} for {@code terminal} (null: no terminal claim). */
    public String valid(String scope, String terminal) throws Exception {
        return sign(key, AUDIENCE, scope, terminal, Instant.now().plusSeconds(600));
    }

    /** A token that expired two minutes ago, otherwise valid. */
    public String expired(String scope, String terminal) throws Exception {
        return sign(key, AUDIENCE, scope, terminal, Instant.now().minusSeconds(120));
    }

    /** A token signed by a key the stack does not trust (same key id), otherwise valid. */
    public String forged(String scope, String terminal) throws Exception {
        return sign(forgersKey, AUDIENCE, scope, terminal, Instant.now().plusSeconds(600));
    }

    /** A correctly signed token for another audience. */
    public String otherAudience(String scope, String terminal) throws Exception {
        return sign(key, "another-api", scope, terminal, Instant.now().plusSeconds(600));
    }

    /**
     * Tokens an attacker makes without the issuer's private key, each claiming {@code scope} for {@code terminal}:
     * unsigned ({@code alg: none}), HMAC-signed with the public key as the secret (key confusion), without an
     * expiry, from another issuer, and not valid before an hour from now.
     */
    public java.util.Map<String, String> forgeries(String scope, String terminal) throws Exception {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("user-" + terminal)
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).claim("scope", scope)
                .claim("terminal_id", terminal).build();
        out.put("alg none", new com.nimbusds.jwt.PlainJWT(claims).serialize());
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), claims);
        hmac.sign(new com.nimbusds.jose.crypto.MACSigner(key.toPublicJWK().toJSONString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        out.put("HS256 with the public key", hmac.serialize());
        out.put("no expiry", signed(new JWTClaimsSet.Builder(claims).expirationTime(null).build()));
        out.put("other issuer", signed(new JWTClaimsSet.Builder(claims).issuer("https://evil.example").build()));
        out.put("not yet valid", signed(new JWTClaimsSet.Builder(claims).notBeforeTime(Date.from(Instant.now()
                .plusSeconds(3600))).build()));
        String valid = valid(scope, terminal);
        String[] parts = valid.split("\\.");
        out.put("signature stripped", parts[0] + "." + parts[1] + ".");
        // the payload of a token for another terminal under this token's signature
        String other = valid(scope, "someone-else");
        out.put("payload swapped", parts[0] + "." + other.split("\\.")[1] + "." + parts[2]);
        return out;
    }

    private String signed(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String sign(RSAKey signer, String audience, String scope, String terminal, Instant expires)
            throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(audience)
                .subject(terminal == null ? "staff-1" : "user-" + terminal).issueTime(new Date())
                .expirationTime(Date.from(expires)).claim("scope", scope);
        if (terminal != null) {
            claims.claim("terminal_id", terminal);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
                claims.build());
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }
}
