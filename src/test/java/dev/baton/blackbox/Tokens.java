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
