package dev.baton.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.baton.support.Api;
import dev.baton.support.Api.Reply;
import dev.baton.support.MappingConfigProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every real-shaped API Gateway HTTP API event from AWS's own samples (../shared/contracts) is accepted:
 * the answer is a well-formed problem (their paths are not Baton routes), never a 5xx or a failed invoke.
 */
@QuarkusTest
@TestProfile(MappingConfigProfile.class)
class ContractEventsTest {

    static Stream<Path> samples() throws IOException {
        Path dir = Path.of("../shared/contracts/events/apigw-http-v2");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("shared/contracts not found beside the project: " + dir.toAbsolutePath());
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().contains(".template.")).sorted().toList();
            return list.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void awsSampleEvent_isAnsweredWithAProblem_neverA5xx(Path sample) throws IOException {
        // when
        Reply reply = Api.invoke(Files.readString(sample));
        // then
        assertThat(reply.status()).as(sample.getFileName() + ": " + reply).isBetween(400, 499);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.json().path("status").asInt()).isEqualTo(reply.status());
    }
}
