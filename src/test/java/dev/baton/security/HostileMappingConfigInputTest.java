package dev.baton.security;

import static dev.baton.security.HostileInputTest.Kind.ARRAY;
import static dev.baton.security.HostileInputTest.Kind.ID;
import static dev.baton.security.HostileInputTest.Kind.OBJECT;
import static dev.baton.security.HostileInputTest.Kind.TEXT;

import java.util.List;

import dev.baton.support.MappingConfigProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Hostile input against the mapping-config function's routes. */
@QuarkusTest
@TestProfile(MappingConfigProfile.class)
class HostileMappingConfigInputTest extends HostileInputTest {

    private static final List<String> VERSION_GARBAGE = List.of("version=-1", "version=0", "version=99999999999",
            "version=abc", "version=1.5", "version=%%%", "version=", "version=1&version=2", "version=%00",
            "version=1e3", "version=0x10", "version=%EF%BC%91", "version=2147483648", "version=99");

    @Override
    protected String function() {
        return "mapping-config";
    }

    @Override
    protected void addCases(Cases cases) {
        String bt = "/v1/business-types/" + type;
        // PUT /v1/business-types/{type}/flows/{platform} (a new platform: a valid body would write)
        String flowTemplate = "{\"nodes\":[{\"id\":\"a\",\"name\":\"A\"}]}";
        cases.hostileBodies("PUT", bt + "/flows/hostile", flowTemplate, List.of(req("nodes", ARRAY),
                req("nodes[0]", OBJECT), req("nodes[0].id", ID), req("nodes[0].name", TEXT)));
        cases.hostilePaths("PUT", "/v1/business-types/{type}/flows/{platform}", params("type", type, "platform",
                "hostile"), "", flowTemplate);
        // GET /v1/business-types/{type}/flows/{platform}
        cases.hostilePaths("GET", "/v1/business-types/{type}/flows/{platform}", params("type", type, "platform",
                "phone"), "", null);
        cases.hostileQueries("GET", bt + "/flows/phone", VERSION_GARBAGE);
        // GET /v1/business-types/{type}/flows
        cases.hostilePaths("GET", "/v1/business-types/{type}/flows", params("type", type), "", null);
        // PUT /v1/business-types/{type}/mappings/{base}/{associated} (other links: a valid body would write)
        String mappingTemplate = "{\"links\":[{\"from\":\"c\",\"to\":[\"y\"]}]}";
        cases.hostileBodies("PUT", bt + "/mappings/phone/web", mappingTemplate, List.of(req("links", ARRAY),
                req("links[0]", OBJECT), req("links[0].from", ID), req("links[0].to", ARRAY),
                req("links[0].to[0]", ID)));
        cases.hostilePaths("PUT", "/v1/business-types/{type}/mappings/{base}/{associated}", params("type", type,
                "base", "phone", "associated", "web"), "", mappingTemplate);
        // GET /v1/business-types/{type}/mappings/{base}/{associated}
        cases.hostilePaths("GET", "/v1/business-types/{type}/mappings/{base}/{associated}", params("type", type,
                "base", "phone", "associated", "web"), "", null);
        cases.hostileQueries("GET", bt + "/mappings/phone/web", VERSION_GARBAGE);
        // GET /v1/business-types/{type}/mapping-form
        cases.hostilePaths("GET", "/v1/business-types/{type}/mapping-form", params("type", type), "", null);
        cases.hostileQueries("GET", bt + "/mapping-form", List.of("base=%3Cscript%3E", "base=<script>",
                "base=phone&associated=phone", "base=%00", "associated=..%2F..%2Fetc", "base=nope-no-flow",
                "base=" + "a".repeat(33), "base=PHONE", "base=%F0%9F%98%80", "base=phone&associated=%E2%80%8Bweb",
                "base=%%%", "associated=${jndi:ldap://x}", "base=phone,web", "base=phone&base=web",
                "base=' OR 1=1 --"));
        // POST /v1/business-types/{type}/handoff-preview
        String previewTemplate = "{\"from\":\"phone\",\"to\":\"web\",\"completed\":[\"a\"]}";
        cases.hostileBodies("POST", bt + "/handoff-preview", previewTemplate, List.of(req("from", ID),
                req("to", ID), opt("completed", ARRAY), opt("completed[0]", ID)));
        cases.hostilePaths("POST", "/v1/business-types/{type}/handoff-preview", params("type", type), "",
                previewTemplate);
        // POST /v1/business-types/{type}/mapping-check (writes nothing even when valid)
        String checkTemplate = "{\"base\":\"phone\",\"associated\":\"web\",\"links\":[{\"from\":\"c\",\"to\":[\"y\"]}]}";
        cases.hostileBodies("POST", bt + "/mapping-check", checkTemplate, List.of(req("base", ID),
                req("associated", ID), req("links", ARRAY), req("links[0]", OBJECT), req("links[0].from", ID),
                req("links[0].to", ARRAY), req("links[0].to[0]", ID)));
        cases.hostilePaths("POST", "/v1/business-types/{type}/mapping-check", params("type", type), "",
                checkTemplate);
        // GET /console/{asset}: only the console's own files, never anything else on the classpath
        cases.hostilePaths("GET", "/console/{asset}", params("asset", "console.js"), "", null);
    }
}
