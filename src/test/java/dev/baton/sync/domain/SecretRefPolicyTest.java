package dev.baton.sync.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.baton.sync.domain.Downstream.SecretRef;

/** Secret references resolve only from the documented namespace. */
class SecretRefPolicyTest {

    private static final SecretRefPolicy POLICY = new SecretRefPolicy("/baton/");

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', value = {
        "ENV       | BATON_SECRET_INSURER_TOKEN     | true",
        "ENV       | BATON_SECRET_A                 | true",
        "ENV       | BATON_SECRET_                  | false",
        "ENV       | AWS_SECRET_ACCESS_KEY          | false",
        "ENV       | AWS_SESSION_TOKEN              | false",
        "ENV       | AWS_CONTAINER_CREDENTIALS_FULL_URI | false",
        "ENV       | BATON_TABLES_ORDERS            | false",
        "ENV       | baton_secret_x                 | false",
        "ENV       | PATH                           | false",
        "PARAMETER | /baton/insurer/token           | true",
        "PARAMETER | /baton/a                       | true",
        "PARAMETER | /baton/                        | false",
        "PARAMETER | /baton/../prod/db-password     | false",
        "PARAMETER | /baton/./x                     | false",
        "PARAMETER | /baton//x                      | false",
        "PARAMETER | /baton-other/x                 | false",
        "PARAMETER | /prod/db-password              | false",
        "PARAMETER | baton/x                        | false",
        "PARAMETER | /BATON/x                       | false"})
    void onlyTheNamespaceResolves(SecretRef.Source source, String name, boolean allowed) {
        var violation = POLICY.violation(new SecretRef(source, name));
        assertThat(violation.isEmpty()).isEqualTo(allowed);
        violation.ifPresent(v -> assertThat(v).contains("rule secret-namespace"));
    }

    @ParameterizedTest
    @CsvSource({"/team/baton/, /team/baton/x, true", "/team/baton/, /baton/x, false", "/, /anything/x, true"})
    void thePrefixIsConfigurable(String prefix, String name, boolean allowed) {
        assertThat(new SecretRefPolicy(prefix).violation(new SecretRef(SecretRef.Source.PARAMETER, name)).isEmpty())
                .isEqualTo(allowed);
    }
}
