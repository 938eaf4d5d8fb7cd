package dev.baton.sync.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.baton.sync.domain.EndpointPolicy;

/** The call-time check: a name is judged by every address it resolves to (DNS played by a map). */
class EndpointGuardTest {

    private static final Map<String, String[]> DNS = Map.of(
            "api.insurer.example", new String[] {"93.184.216.34"},
            "rebind.example", new String[] {"169.254.169.254"},
            "mixed.example", new String[] {"93.184.216.34", "10.0.0.7"},
            "ecs.example", new String[] {"169.254.170.2"},
            "v6meta.example", new String[] {"fd00:ec2::254"},
            "mapped.example", new String[] {"::ffff:127.0.0.1"},
            "local.example", new String[] {"127.0.0.1"});

    @ParameterizedTest(name = "{0}: deployed {1}, local {2}")
    @CsvSource(delimiter = '|', value = {
        "https://api.insurer.example/p | ok          | ok",
        "https://rebind.example/p      | link-local  | link-local",
        "https://mixed.example/p       | private     | private",
        "https://ecs.example/p         | link-local  | link-local",
        "https://v6meta.example/p      | private     | private",
        "https://mapped.example/p      | loopback    | ok",
        "https://local.example/p       | loopback    | ok",
        "https://unknown.example/p     | ok          | ok",
        "https://10.0.0.1/p            | private     | private"})
    void everyResolvedAddressIsJudged(String endpoint, String deployed, String local) {
        assertThat(rule(new EndpointPolicy(false), endpoint)).isEqualTo(deployed);
        assertThat(rule(new EndpointPolicy(true), endpoint)).isEqualTo(local);
    }

    private static String rule(EndpointPolicy policy, String endpoint) {
        EndpointGuard guard = new EndpointGuard(policy, EndpointGuardTest::lookup);
        return guard.reason(URI.create(endpoint))
                .map(m -> m.substring(m.lastIndexOf("(rule ") + 6, m.length() - 1)).orElse("ok");
    }

    private static InetAddress[] lookup(String host) throws UnknownHostException {
        String[] addresses = DNS.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] out = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            out[i] = InetAddress.getByName(addresses[i]); // literals: parsed, never looked up
        }
        return out;
    }
}
