package dev.baton.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The parts of {@code template.yaml} that the local stack and the tests need, read from the template
 * itself so local tables, queues and routes are exactly the deployed ones. CloudFormation short tags
 * ({@code !Ref}, {@code !Sub}) are read as their plain values; {@code ${AWS::StackName}} becomes
 * {@value #LOCAL_STACK_NAME}.
 */
public final class SamTemplate {

    /** The stack name assumed locally, e.g. for {@code !Sub ${AWS::StackName}-orders}. */
    public static final String LOCAL_STACK_NAME = "baton";

    private final JsonNode resources;
    private final JsonNode globals;
    private final JsonNode parameters;

    private SamTemplate(JsonNode root) {
        this.resources = root.path("Resources");
        this.parameters = root.path("Parameters");
        this.globals = root.path("Globals").path("Function");
    }

    /** The environment variables every function gets from {@code Globals.Function}, unresolved. */
    public Map<String, String> globalEnvironment() {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        globals.path("Environment").path("Variables").fields()
                .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    /** The default of template parameter {@code name}, when {@code name} is a parameter that has one. */
    public java.util.Optional<String> parameterDefault(String name) {
        JsonNode value = parameters.path(name).path("Default");
        return value.isMissingNode() ? java.util.Optional.empty() : java.util.Optional.of(value.asText());
    }

    /** The functions' handler ({@code Globals.Function.Handler}). */
    public String globalHandler() {
        return globals.path("Handler").asText();
    }

    /** The functions' timeout in seconds ({@code Globals.Function.Timeout}, default 3 as in Lambda). */
    public int globalTimeoutSeconds() {
        return globals.path("Timeout").asInt(3);
    }

    /** Reads the template at {@code path}. */
    public static SamTemplate read(Path path) {
        try {
            return new SamTemplate(new ObjectMapper(new YAMLFactory()).readTree(Files.readString(path)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SAM template " + path, e);
        }
    }

    /** Reads {@code template.yaml} from the project root (the working directory of Maven and run.sh). */
    public static SamTemplate project() {
        return read(Path.of("template.yaml"));
    }

    /** A DynamoDB table: its name and the definition properties, as in the template. */
    public record Table(String logicalId, String name, JsonNode properties) {
    }

    /** An SQS queue. */
    public record Queue(String logicalId, String name, JsonNode properties) {
    }

    /** An HTTP API route of a function, and the scopes its JWT authorizer requires (empty: no authorizer). */
    public record HttpRoute(String method, String path, List<String> scopes) {
    }

    /** A Lambda function: its exported {@code @Funq} name, HTTP routes, and SQS event sources. */
    public record Function(String logicalId, String export, List<HttpRoute> routes, List<String> sqsQueues,
                           List<String> schedules, JsonNode properties) {
    }

    /** Every {@code AWS::DynamoDB::Table}. */
    public List<Table> tables() {
        List<Table> tables = new ArrayList<>();
        each("AWS::DynamoDB::Table", (id, props) -> tables.add(new Table(id, name(props.path("TableName"), id),
                props)));
        return tables;
    }

    /** Every {@code AWS::SQS::Queue}. */
    public List<Queue> queues() {
        List<Queue> queues = new ArrayList<>();
        each("AWS::SQS::Queue", (id, props) -> queues.add(new Queue(id, name(props.path("QueueName"), id), props)));
        return queues;
    }

    /** Every {@code AWS::Serverless::Function}. */
    public List<Function> functions() {
        List<Function> functions = new ArrayList<>();
        each("AWS::Serverless::Function", (id, props) -> {
            List<HttpRoute> routes = new ArrayList<>();
            List<String> queues = new ArrayList<>();
            List<String> schedules = new ArrayList<>();
            props.path("Events").forEach(event -> {
                JsonNode p = event.path("Properties");
                if ("HttpApi".equals(event.path("Type").asText())) {
                    List<String> scopes = new ArrayList<>();
                    p.path("Auth").path("AuthorizationScopes").forEach(sc -> scopes.add(sc.asText()));
                    routes.add(new HttpRoute(p.path("Method").asText().toUpperCase(), p.path("Path").asText(),
                            scopes));
                } else if ("SQS".equals(event.path("Type").asText())) {
                    queues.add(logicalIdOf(p.path("Queue")));
                } else if ("Schedule".equals(event.path("Type").asText())) {
                    schedules.add(p.path("Schedule").asText());
                }
            });
            String export = props.path("Environment").path("Variables").path("QUARKUS_FUNQY_EXPORT").asText(null);
            functions.add(new Function(id, export, routes, queues, schedules, props));
        });
        return functions;
    }

    /**
     * The logical ids of the functions an {@code AWS::Lambda::EventSourceMapping} triggers from a table's stream
     * ({@code FunctionName: !Ref X.Alias} reads as "X.Alias"). The local stack relays streams itself
     * ({@link OrderEventStream}) and starts no process for them.
     */
    public java.util.Set<String> streamConsumers() {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        each("AWS::Lambda::EventSourceMapping", (id, props) -> {
            if (props.path("EventSourceArn").asText("").endsWith(".StreamArn")) {
                ids.add(logicalIdOf(props.path("FunctionName")));
            }
        });
        return ids;
    }

    /** The local name of a table by logical id. */
    public String tableName(String logicalId) {
        return tables().stream().filter(t -> t.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + logicalId)).name();
    }

    private void each(String type, java.util.function.BiConsumer<String, JsonNode> action) {
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (type.equals(e.getValue().path("Type").asText())) {
                action.accept(e.getKey(), e.getValue().path("Properties"));
            }
        }
    }

    private static String name(JsonNode node, String fallback) {
        String text = node.isTextual() ? node.asText() : node.isArray() && node.size() > 0 ? node.get(0).asText()
                : null;
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return text.replace("${AWS::StackName}", LOCAL_STACK_NAME);
    }

    /** {@code !GetAtt Queue.Arn} reads as "Queue.Arn"; {@code !Ref Queue} as "Queue". */
    private static String logicalIdOf(JsonNode node) {
        String text = node.isArray() && node.size() > 0 ? node.get(0).asText() : node.asText();
        return text.contains(".") ? text.substring(0, text.indexOf('.')) : text;
    }
}
