package dev.baton.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.baton.local.JwtVerifier;
import dev.baton.local.LocalBaton;

/**
 * The console with authentication on, as deployed: the local stack with {@code BATON_AUTH=jwt} verifying
 * RS256 tokens like API Gateway's authorizer. The page loads without a token; API calls without one are
 * refused with a hint next to the action; with a pasted token they carry it and succeed, and a token without
 * the route's scope is refused with the scope named.
 */
class ConsoleTokenIT {

    private static final String ISSUER = "https://issuer.example";
    private static final String AUDIENCE = "baton-console";

    private static LocalBaton baton;
    private static RSAKey key;

    @BeforeAll
    static void startStack() throws Exception {
        Browser.requireInstalled();
        key = new RSAKeyGenerator(2048).keyID("console").generate();
        Path jwks = Files.createTempFile("baton-jwks", ".json");
        Files.writeString(jwks, new JWKSet(key.toPublicJWK()).toString());
        baton = LocalBaton.start(new LocalBaton.Settings(0, 0, null, LocalBaton.unpack(SharedStack.functionZip()),
                3600, Optional.of(new JwtVerifier(jwks, ISSUER, AUDIENCE)), false));
    }

    @AfterAll
    static void stopStack() {
        if (baton != null) {
            baton.close();
        }
    }

    @Test
    void withoutATokenCallsAreRefused_withOneTheySucceed_andAMissingScopeIsNamed() throws Exception {
        try (Browser browser = Browser.start()) {
            // given the page, loaded without any token
            browser.driver.get(baton.baseUri() + "/console");
            browser.waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
            type(browser, By.id("business-type"), "tokens");
            // when flows are loaded without a token
            browser.driver.findElement(By.id("flows-load")).click();
            // then the refusal is shown next to the button, with what to do
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("flows-problem")));
            assertThat(browser.driver.findElement(By.id("flows-problem")).getText()).contains("HTTP 401",
                    "Paste a valid token above");
            // when a token of an operator (no admin scope) is pasted
            type(browser, By.id("token"), token("baton/operator"));
            browser.driver.findElement(By.id("flows-load")).click();
            // then Baton names the missing scope
            browser.waiting().until(d -> d.findElement(By.id("flows-problem")).getText().contains("baton/admin"));
            // when an admin token is pasted
            type(browser, By.id("token"), "Bearer " + token("baton/admin"));
            browser.driver.findElement(By.id("flows-load")).click();
            // then the call succeeds
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("flows-table")));
            assertThat(browser.driver.findElement(By.id("flows-problem")).isDisplayed()).isFalse();
        }
    }

    private static String token(String scope) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("console").build(),
                new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("analyst-1")
                        .expirationTime(Date.from(Instant.now().plusSeconds(600))).claim("scope", scope).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static void type(Browser browser, By by, String text) {
        WebElement input = browser.waiting().until(ExpectedConditions.elementToBeClickable(by));
        input.clear();
        input.sendKeys(text, Keys.TAB);
    }
}
