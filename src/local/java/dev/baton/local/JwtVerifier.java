package dev.baton.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * What API Gateway's JWT authorizer does, for the local gateway with {@code BATON_AUTH=jwt}: verifies a
 * bearer token's signature against a JWKS file, its issuer, audience and lifetime, and answers the claims
 * (as strings, like API Gateway's request context) and the scopes ({@code scope} claim, space-separated, or
 * {@code scp}).
 */
public final class JwtVerifier {

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    /** The verified caller. */
    public record Verified(Map<String, String> claims, List<String> scopes) {
    }

    /** A verifier for tokens from {@code issuer} for {@code audience}, signed by a key of {@code jwksFile}. */
    public JwtVerifier(Path jwksFile, String issuer, String audience) throws IOException, ParseException {
        JWKSet keys = JWKSet.parse(Files.readString(jwksFile));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(java.util.Set.of(JWSAlgorithm.RS256,
                JWSAlgorithm.ES256), new ImmutableJWKSet<>(keys)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), java.util.Set.of("exp", "iss")));
    }

    /** The caller of {@code authorization} (a {@code Bearer} header value), or empty when it does not verify. */
    public Optional<Verified> verify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        try {
            JWTClaimsSet claims = processor.process(authorization.substring(7).strip(), null);
            Map<String, String> strings = new LinkedHashMap<>();
            claims.getClaims().forEach((k, v) -> strings.put(k, v instanceof Date d ? Long.toString(d.getTime() / 1000)
                    : String.valueOf(v)));
            List<String> scopes = new ArrayList<>();
            Object scope = claims.getClaim("scope");
            if (scope instanceof String text) {
                scopes.addAll(List.of(text.trim().split("\\s+")));
            } else if (claims.getClaim("scp") instanceof List<?> list) {
                list.forEach(item -> scopes.add(String.valueOf(item)));
            }
            return Optional.of(new Verified(strings, scopes));
        } catch (ParseException | BadJOSEException | JOSEException e) {
            return Optional.empty();
        }
    }
}
