package dev.baton.sync.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The endpoint policy, deployed (strict) and with the local opt-in: every address form, one row each. */
class EndpointPolicyTest {

    private static final EndpointPolicy DEPLOYED = new EndpointPolicy(false);
    private static final EndpointPolicy LOCAL = new EndpointPolicy(true);

    @ParameterizedTest(name = "{0} → deployed {1}, local {2}")
    @CsvSource(delimiter = '|', value = {
        // allowed
        "https://api.insurer.example/v2/proposals        | ok          | ok",
        "https://api.insurer.example:8443/p              | ok          | ok",
        "https://api.insurer.example.:443/p              | ok          | ok",
        "https://xn--fiqs8s.example/p                    | ok          | ok",
        "https://93.184.216.34/p                         | ok          | ok",
        "https://[2606:4700::1111]/p                     | ok          | ok",
        // scheme and port
        "http://api.insurer.example/p                    | scheme      | ok",
        "https://api.insurer.example:8080/p              | port        | ok",
        "https://api.insurer.example:0/p                 | port        | port",
        "https://api.insurer.example:99999/p             | port        | port",
        "http://localhost:8089/p                         | scheme      | ok",
        "https://localhost/p                             | loopback    | ok",
        "https://localhost./p                            | loopback    | ok",
        "https://LOCALHOST/p                             | loopback    | ok",
        "https://a.b.localhost/p                         | loopback    | ok",
        "https://127.0.0.1/p                             | loopback    | ok",
        "https://127.255.255.254/p                       | loopback    | ok",
        "https://[::1]/p                                 | loopback    | ok",
        "https://[0:0:0:0:0:0:0:1]/p                     | loopback    | ok",
        "https://[::ffff:127.0.0.1]/p                    | loopback    | ok",
        // credentials in the URL
        "https://user:pass@api.insurer.example/p         | userinfo    | userinfo",
        "https://x@169.254.169.254/p                     | userinfo    | userinfo",
        // link-local: instance metadata, container credentials
        "https://169.254.169.254/latest/meta-data        | link-local  | link-local",
        "https://169.254.170.2/v2/credentials            | link-local  | link-local",
        "https://[fe80::1]/p                             | link-local  | link-local",
        "https://[febf::1]/p                             | link-local  | link-local",
        "https://[::ffff:169.254.169.254]/p              | link-local  | link-local",
        "https://[::ffff:a9fe:a9fe]/p                    | link-local  | link-local",
        "https://[::169.254.169.254]/p                   | link-local  | link-local",
        "https://[64:ff9b::169.254.169.254]/p            | link-local  | link-local",
        "https://[2002:a9fe:a9fe::1]/p                   | link-local  | link-local",
        "https://[::ffff:0:169.254.169.254]/p            | link-local  | link-local",
        "https://instance-data/p                         | link-local  | link-local",
        "https://metadata.google.internal/p              | link-local  | link-local",
        // private
        "https://10.0.0.5/p                              | private     | private",
        "https://172.16.0.1/p                            | private     | private",
        "https://172.31.255.255/p                        | private     | private",
        "https://192.168.1.1/p                           | private     | private",
        "https://100.64.0.1/p                            | private     | private",
        "https://[fd00:ec2::254]/p                       | private     | private",
        "https://[fc00::1]/p                             | private     | private",
        "https://[fec0::1]/p                             | private     | private",
        "https://[::ffff:10.0.0.1]/p                     | private     | private",
        // unspecified, multicast, broadcast, reserved
        "https://0.0.0.0/p                               | unspecified | unspecified",
        "https://[::]/p                                  | unspecified | unspecified",
        "https://224.0.0.1/p                             | multicast   | multicast",
        "https://[ff02::1]/p                             | multicast   | multicast",
        "https://255.255.255.255/p                       | broadcast   | broadcast",
        "https://192.0.0.192/p                           | reserved    | reserved",
        "https://[2001:db8::1]/p                         | reserved    | reserved",
        // numeric host forms that resolvers read as addresses
        "https://2130706433/p                            | numeric-host | numeric-host",
        "https://0x7f000001/p                            | numeric-host | numeric-host",
        "https://0177.0.0.1/p                            | numeric-host | numeric-host",
        "https://127.1/p                                 | numeric-host | numeric-host",
        "https://127.0.0.01/p                            | numeric-host | numeric-host",
        "https://256.1.1.1/p                             | numeric-host | numeric-host",
        "https://169.254.169.254./p                      | link-local  | link-local",
        "https://evil.example.1/p                        | numeric-host | numeric-host",
        "https://[fe80::1%25eth0]/p                      | host        | host",
        "https://api_insurer.example/p                   | host        | host"})
    void endpoints(String endpoint, String deployed, String local) {
        assertThat(rule(DEPLOYED, endpoint)).isEqualTo(deployed);
        assertThat(rule(LOCAL, endpoint)).isEqualTo(local);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {"93.184.216.34 | ok", "169.254.169.254 | link-local", "127.0.0.1 | loopback",
        "10.1.2.3 | private", "::ffff:192.168.0.1 | private", "fd00:ec2::254 | private", "2606:4700::1111 | ok"})
    void resolvedAddressesAreJudgedToo(String address, String expected) throws Exception {
        String refused = DEPLOYED.addressViolation(InetAddress.getByName(address).getAddress())
                .map(EndpointPolicyTest::ruleOf).orElse("ok");
        assertThat(refused).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "https://api.insurer-a.example/p         | ok",
        "https://API.Insurer-A.example./p        | ok",
        "https://v2.api.insurer-a.example/p      | ok",
        "https://insurer-b.example:8443/p        | ok",
        "https://capture.attacker.example/p      | allowed-hosts",
        "https://insurer-a.example/p             | allowed-hosts",
        "https://api.insurer-a.example.evil.io/p | allowed-hosts",
        "https://evilinsurer-b.example/p         | allowed-hosts",
        "https://93.184.216.34/p                 | allowed-hosts",
        "https://169.254.169.254/p               | link-local"})
    void anEgressAllowlistConfinesEndpointsToItsHostsAndTheirSubdomains(String endpoint, String expected) {
        EndpointPolicy allowlisted = new EndpointPolicy(false, java.util.List.of(" api.insurer-a.example",
                "Insurer-B.example.", ""));
        assertThat(rule(allowlisted, endpoint)).isEqualTo(expected);
    }

    private static String rule(EndpointPolicy policy, String endpoint) {
        return policy.violation(URI.create(endpoint)).map(EndpointPolicyTest::ruleOf).orElse("ok");
    }

    private static String ruleOf(String message) {
        return message.substring(message.lastIndexOf("(rule ") + 6, message.length() - 1);
    }
}
