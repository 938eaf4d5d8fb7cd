package dev.baton.function;

import static dev.baton.function.ApiAssertions.assertProblem;
import static dev.baton.support.Api.call;
import static dev.baton.support.Api.get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.baton.support.Api.Reply;
import dev.baton.support.MappingConfigProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The admin console's files as mapping-config serves them: no token, strict headers, nothing else. */
@QuarkusTest
@TestProfile(MappingConfigProfile.class)
class ConsoleAssetsTest {

    @Test
    void theConsolePage_isServedWithoutAToken_underAStrictContentSecurityPolicy() {
        // when
        Reply page = get("/console");
        // then
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().get("content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.headers().get("content-security-policy")).contains("default-src 'none'", "script-src 'self'",
                "frame-ancestors 'none'");
        assertThat(page.headers().get("x-content-type-options")).isEqualTo("nosniff");
        assertThat(page.body()).contains("<script type=\"module\" src=\"/console/console.js\"></script>");
    }

    @Test
    void everyFileThePageLoads_isServedWithItsMediaType() {
        // given every module the entry point and its imports name
        for (String name : ConsoleAssets.FILES.keySet()) {
            if (name.equals("index.html")) {
                continue;
            }
            // when
            Reply file = get("/console/" + name);
            // then
            assertThat(file.status()).as(name).isEqualTo(200);
            assertThat(file.headers().get("content-type")).as(name)
                    .isEqualTo(name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
            for (String imported : file.body().lines().filter(l -> l.startsWith("import "))
                    .map(l -> l.replaceAll(".*from '\\./([^']+)'.*", "$1")).toList()) {
                assertThat(ConsoleAssets.FILES).as(name + " imports " + imported).containsKey(imported);
            }
        }
    }

    @Test
    void theConsole_loadsNothingFromAnotherOrigin() {
        // given every file of the console
        for (String name : ConsoleAssets.FILES.keySet()) {
            String body = get(name.equals("index.html") ? "/console" : "/console/" + name).body();
            // then no URL of another origin (the SVG namespace is a name, never fetched)
            assertThat(body.replace("http://www.w3.org/2000/svg", "")).as(name)
                    .doesNotContainPattern("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}");
        }
    }

    @Test
    void unknownConsoleFiles_are404_andOtherMethods405() {
        // when
        Reply unknown = get("/console/secrets.js");
        Reply traversal = get("/console/..%2Fapplication.properties");
        Reply indexByName = get("/console/index.html");
        Reply post = call("POST", "/console", "{}");
        // then
        assertProblem(unknown, 404, "not-found");
        assertProblem(traversal, 404, "not-found");
        assertProblem(indexByName, 404, "not-found");
        assertProblem(post, 405, "method-not-allowed");
        assertThat(post.headers().get("allow")).isEqualTo("GET");
    }
}
